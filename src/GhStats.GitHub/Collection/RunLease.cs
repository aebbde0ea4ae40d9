using GhStats.Diagnostics;
using GhStats.Stores;
using Microsoft.Extensions.Logging;

namespace GhStats.GitHub.Collection;

/// <summary>
/// A run start's hold on the collection lease, which lets one process at a time start a run, discover owners' repositories
/// and add the run's lanes: renewed every third of its duration, given back once the lanes are in; losing it to another
/// process stops the start.
/// </summary>
internal sealed partial class RunLease(ILeaseStore leases, string holder, TimeSpan duration, TimeProvider clock, GhStatsMetrics metrics, ILogger logger) : IDisposable
{
    /// <summary>The lease that lets one process at a time start a run.</summary>
    public const string Name = "collection";

    private readonly CancellationTokenSource _lost = new();
    private DateTimeOffset _lastRenewal = clock.GetUtcNow();

    /// <summary>Cancelled when the lease was found in another holder's hands.</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>Renews the lease when a third of its duration has passed since the last renewal; false once another process holds it.</summary>
    public async Task<bool> RenewIfDueAsync(long runId, CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - _lastRenewal < duration / 3)
        {
            return true;
        }

        if (!await leases.RenewAsync(Name, holder, duration, cancellationToken).ConfigureAwait(false))
        {
            LogLeaseLost(logger, runId);
            metrics.LeaseLost();
            await _lost.CancelAsync().ConfigureAwait(false);
            return false;
        }

        _lastRenewal = clock.GetUtcNow();
        return true;
    }

    /// <summary>Renews the lease every third of its duration until stopped, or until another process holds it.</summary>
    public async Task KeepAsync(long runId, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(duration / 3, clock, stop).ConfigureAwait(false);
                if (!await RenewIfDueAsync(runId, stop).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Gives the lease back, unless another process holds it by now.</summary>
    public async Task ReleaseAsync() => await leases.ReleaseAsync(Name, holder, CancellationToken.None).ConfigureAwait(false);

    public void Dispose() => _lost.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Collection run {RunId} lost its lease and stops")]
    private static partial void LogLeaseLost(ILogger logger, long runId);
}
