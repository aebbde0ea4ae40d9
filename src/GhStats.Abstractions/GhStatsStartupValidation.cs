using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GhStats;

/// <summary>
/// Runs the <c>ValidateOnStart</c> checks of every options class when it is built, so that a bad start reports every
/// setting at once. A host builds all its hosted services before it runs those checks itself, and building GhStats'
/// (the migration at start, the collector) builds the store, which reads its options and would stop the start with the
/// first class it read. <c>AddGhStats()</c> registers this first, ahead of those services.
/// </summary>
internal sealed class GhStatsStartupValidation : IHostedService
{
    public GhStatsStartupValidation(IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
