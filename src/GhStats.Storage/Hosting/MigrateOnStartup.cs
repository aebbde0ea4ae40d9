using GhStats.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.Storage.Hosting;

/// <summary>Brings the schema up to date before the host serves, unless <see cref="GhStatsStorageOptions.MigrateOnStartup"/> is off.</summary>
internal sealed partial class MigrateOnStartup(ISchemaMigrator migrator, IOptions<GhStatsStorageOptions> options, ILogger<MigrateOnStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            LogSkipped(logger);
            return;
        }

        await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "GhStats:Storage:MigrateOnStartup is off; the schema must be applied by hand ('migrate --script <provider>')")]
    private static partial void LogSkipped(ILogger logger);
}
