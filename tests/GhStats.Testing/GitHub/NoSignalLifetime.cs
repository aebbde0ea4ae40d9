using Microsoft.Extensions.Hosting;

namespace GhStats.Testing.GitHub;

/// <summary>
/// Replaces the console lifetime: the simulator lives inside a test process, so Ctrl+C and SIGTERM must end that
/// process as usual instead of being swallowed to stop the simulator.
/// </summary>
internal sealed class NoSignalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
