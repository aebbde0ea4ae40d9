using System.Collections.Concurrent;
using GhStats.Diagnostics;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.GitHub.Collection;

/// <summary>
/// Reports how a run is going from one process: on every tick writes the progress of each lane it holds (renewing each
/// claim every third of the lease) and the run's counters, the sum of all its lanes; ends the turn of held lanes that had
/// theirs while less advanced lanes wait; logs each tenth of a lane's repositories.
/// </summary>
/// <remarks>It logs under <see cref="CollectionJob"/>'s category, as the split parts of a run all do, so log filters set for runs keep working.</remarks>
internal sealed partial class RunProgressReporter(
    ICollectionRunStore runs,
    ICollectionLaneStore lanes,
    IOptions<GitHubCollectorOptions> options,
    TimeProvider clock,
    GhStatsMetrics metrics,
    ILogger<CollectionJob> logger)
{
    /// <summary>Writes progress and renews claims until stopped; a lane whose claim another process holds is lost (<see cref="CollectionLane.Lost"/>).</summary>
    public async Task ReportAsync(long runId, string holder, ConcurrentDictionary<string, CollectionLane> held, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.Value.ProgressInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                try
                {
                    await WriteAsync(runId, holder, held, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    throw;
                }
#pragma warning disable CA1031 // A write that failed (the database was away a moment) is tried at the next tick; the claim lasts a lease.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    LogProgressFailed(logger, exception, runId);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Writes the held lanes' progress (renewing the claims that are due) and the run's counters now.</summary>
    public async Task WriteAsync(long runId, string holder, ConcurrentDictionary<string, CollectionLane> held, CancellationToken cancellationToken)
    {
        var duration = options.Value.LeaseDuration;
        foreach (var lane in held.Values)
        {
            if (lane.IsLost)
            {
                continue;
            }

            var holds = await lanes.UpdateProgressAsync(runId, lane.Key, holder, lane.Progress(), cancellationToken).ConfigureAwait(false);
            if (holds && clock.GetUtcNow() - lane.LastRenewal >= duration / 3)
            {
                holds = await lanes.RenewAsync(runId, lane.Key, holder, duration, cancellationToken).ConfigureAwait(false);
                lane.LastRenewal = clock.GetUtcNow();
            }

            if (!holds && !lane.Ending)
            {
                LogLaneLost(logger, runId, lane.Key);
                metrics.LeaseLost();
                lane.Lose();
            }
        }

        var stored = await WriteRunAsync(runId, cancellationToken).ConfigureAwait(false);
        EndTurns(held, stored);
    }

    /// <summary>
    /// Ends the turn of held lanes that take turns, claimed at least <see cref="GitHubCollectorOptions.LaneTurn"/> ago, the longest held
    /// first, one for each pending lane that has fewer repositories done than the held one: that lane is claimed next.
    /// </summary>
    public void EndTurns(ConcurrentDictionary<string, CollectionLane> held, IReadOnlyList<CollectionLaneState> stored)
    {
        var turn = options.Value.LaneTurn;
        if (turn <= TimeSpan.Zero)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var waiting = stored
            .Where(l => l.Status == CollectionLaneStatus.Pending)
            .Select(l => l.Progress.ReposDone)
            .Order()
            .ToList();
        foreach (var lane in held.Values.Where(l => l.TakesTurns && !l.TurnEnded && !l.IsLost && l.Left > 0 && now - l.ClaimedAt >= turn).OrderBy(l => l.ClaimedAt))
        {
            if (waiting.Count > 0 && waiting[0] < lane.Done)
            {
                waiting.RemoveAt(0);
                lane.EndTurn();
            }
        }
    }

    /// <summary>Writes the run's counters: the sum of its lanes as stored.</summary>
    public async Task<IReadOnlyList<CollectionLaneState>> WriteRunAsync(long runId, CancellationToken cancellationToken)
    {
        var stored = await lanes.ListAsync(runId, cancellationToken).ConfigureAwait(false);
        if (stored.Count > 0)
        {
            await runs.UpdateProgressAsync(runId, Sum(stored), cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    /// <summary>A run's counters from its lanes: the rate limit left is the lowest any connection reported.</summary>
    public static CollectionProgress Sum(IReadOnlyList<CollectionLaneState> lanes) => new(
        lanes.Sum(l => l.ReposTotal),
        lanes.Sum(l => l.Progress.ReposOk),
        lanes.Sum(l => l.Progress.ReposFailed),
        lanes.Sum(l => l.Progress.ApiCalls),
        lanes.Where(l => l.Progress.RateLimitRemaining is not null).Select(l => l.Progress.RateLimitRemaining).Min());

    /// <summary>Logs a lane's counters after a repository when it completes a tenth of the lane, or the lane.</summary>
    public void RepositoryDone(CollectionLane lane)
    {
        var counters = lane.Counters;
        var done = counters.Done;
        var total = counters.Total;
        var step = Math.Max(1, total / 10);
        if (done == total || done % step == 0)
        {
            var snapshot = counters.Snapshot();
            LogProgress(logger, lane.Key, done, total, snapshot.ReposFailed, snapshot.ApiCalls, snapshot.RateLimitRemaining);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lane {Lane}: collected {Done} of {Total} repositories ({Failed} failed), {ApiCalls} API calls, rate limit left {Remaining}")]
    private static partial void LogProgress(ILogger logger, string lane, int done, int total, int failed, int apiCalls, int? remaining);

    [LoggerMessage(Level = LogLevel.Error, Message = "Collection run {RunId}: another process holds lane {Lane} now; this one stops collecting it")]
    private static partial void LogLaneLost(ILogger logger, long runId, string lane);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collection run {RunId}: writing progress failed; trying again at the next tick")]
    private static partial void LogProgressFailed(ILogger logger, Exception exception, long runId);
}
