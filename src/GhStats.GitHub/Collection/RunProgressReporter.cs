using GhStats.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.GitHub.Collection;

/// <summary>Reports how a run is going: writes its counters to its record on every tick (renewing its lease on the same ticks) and logs each tenth of its repositories.</summary>
/// <remarks>It logs under <see cref="CollectionJob"/>'s category, as the split parts of a run all do, so log filters set for runs keep working.</remarks>
internal sealed partial class RunProgressReporter(
    ICollectionRunStore runs,
    IOptions<GitHubCollectorOptions> options,
    TimeProvider clock,
    ILogger<CollectionJob> logger)
{
    /// <summary>Writes the counters and renews the lease until stopped; losing the lease stops the run through <see cref="RunLease.Lost"/>.</summary>
    public async Task ReportAsync(long runId, RunCounters counters, RunLease lease, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.Value.ProgressInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                await runs.UpdateProgressAsync(runId, counters.Snapshot(), stop).ConfigureAwait(false);
                if (!await lease.RenewIfDueAsync(runId, stop).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Writes the counters now, e.g. once the run knows how many repositories it has.</summary>
    public Task WriteAsync(long runId, RunCounters counters, CancellationToken cancellationToken) =>
        runs.UpdateProgressAsync(runId, counters.Snapshot(), cancellationToken);

    /// <summary>Logs the counters after a repository when it completes a tenth of the run, or the run.</summary>
    public void RepositoryDone(RunCounters counters)
    {
        var done = counters.Done;
        var total = counters.Total;
        var step = Math.Max(1, total / 10);
        if (done == total || done % step == 0)
        {
            var snapshot = counters.Snapshot();
            LogProgress(logger, done, total, snapshot.ReposFailed, snapshot.ApiCalls, snapshot.RateLimitRemaining);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Collected {Done} of {Total} repositories ({Failed} failed), {ApiCalls} API calls, rate limit left {Remaining}")]
    private static partial void LogProgress(ILogger logger, int done, int total, int failed, int apiCalls, int? remaining);
}
