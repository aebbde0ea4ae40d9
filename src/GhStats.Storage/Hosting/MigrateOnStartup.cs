using GhStats.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.Storage.Hosting;

/// <summary>
/// Brings the schema up to date before the host serves, unless <see cref="GhStatsStorageOptions.MigrateOnStartup"/> is off.
/// It migrates while the host is starting, before any hosted service starts: an app that embeds GhStats has often registered
/// Data Protection's own hosted service first, and that one reads the key ring from GhStats' tables at its start.
/// </summary>
internal sealed partial class MigrateOnStartup(ISchemaMigrator migrator, IOptions<GhStatsStorageOptions> options, ILogger<MigrateOnStartup> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            LogSkipped(logger);
            return;
        }

        await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "GhStats:Storage:MigrateOnStartup is off; the schema must be applied by hand ('migrate --script <provider>')")]
    private static partial void LogSkipped(ILogger logger);
}
