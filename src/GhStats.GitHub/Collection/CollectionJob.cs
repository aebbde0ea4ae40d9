using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using GhStats.Diagnostics;
using GhStats.Domain;
using GhStats.GitHub.Client;
using GhStats.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.GitHub.Collection;

/// <summary>
/// Executes collection runs as lanes (one per tenant and GitHub connection) that every collector process sharing the
/// database claims and collects: the process that starts a run discovers owner-wide repositories and adds the run's lanes
/// under the collection lease, then it and every replica that joins claim lanes while they have places, collect each in
/// deadline order with bounded concurrency, record each failure with its kind and go on, defer what a spent rate limit
/// leaves to the next run, and whoever sees the last lane done finishes the run record with the sum of its lanes.
/// A lane whose holder died is taken over once its claim lapses, skipping what the run already collected; a lane held for
/// its turn (<see cref="GitHubCollectorOptions.LaneTurn"/>) while a less advanced one waits is handed back the same way.
/// A process's part in a run is a span of its own trace, with a child span per repository, and is counted on GhStats' meter.
/// </summary>
internal sealed partial class CollectionJob(
    IRepositoryStore repositories,
    IConnectionStore connections,
    ITrackedOwnerStore owners,
    ICollectionRunStore runs,
    ICollectionLaneStore lanes,
    ILeaseStore leases,
    GitHubSessionFactory sessions,
    RepositoryCollector collector,
    OwnerDiscovery discovery,
    CollectionErrorRecorder errors,
    RunProgressReporter progress,
    IOptions<GitHubCollectorOptions> options,
    TimeProvider clock,
    GhStatsMetrics metrics,
    ILogger<CollectionJob> logger)
{
    /// <summary>
    /// Starts <paramref name="run"/>, holding the collection lease: discovers owner-wide repositories and adds the run's
    /// lanes, gives the lease back, then collects lanes with the other replicas until none is left. Returns the run as this
    /// process last saw it; never throws but for a store failure at the very end.
    /// </summary>
    public async Task<CollectionRun> ExecuteAsync(CollectionRun run, string holder, CancellationToken cancellationToken)
    {
        metrics.RunStarted(run.Trigger);
        using var span = StartRunSpan(run);
        var discoveryCalls = new RunCounters();
        using var lease = new RunLease(leases, holder, options.Value.LeaseDuration, clock, metrics, logger);
        using var keeping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        var keep = lease.KeepAsync(run.Id, keeping.Token);
        CollectionRunStatus status;
        string? failure = null;
        try
        {
            LogStarted(logger, run.Id, run.Trigger, run.RequestedBy, run.TenantId);
            int laneCount;
            using (var openSessions = new RunSessions(connections, sessions, discoveryCalls))
            {
                foreach (var owner in await owners.ListForCollectionAsync(run.TenantId, work.Token).ConfigureAwait(false))
                {
                    await DiscoverAsync(run, owner, openSessions, work.Token).ConfigureAwait(false);
                }

                var tracked = await repositories.ListTrackedAsync(run.TenantId, work.Token).ConfigureAwait(false);
                var planned = await CollectionLane.OfAsync(tracked, openSessions, work.Token).ConfigureAwait(false);
                await lanes.AddAsync(run.Id, [.. planned.Select(l => new CollectionLanePlan(l.Key, l.TenantId, l.ConnectionId, l.Repositories.Count))], work.Token).ConfigureAwait(false);
                discoveryCalls.Total = tracked.Count;
                await runs.UpdateProgressAsync(run.Id, discoveryCalls.Snapshot(), work.Token).ConfigureAwait(false);
                laneCount = planned.Count;
            }

            await keeping.CancelAsync().ConfigureAwait(false);
            await keep.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            work.Token.ThrowIfCancellationRequested();
            if (laneCount > 0)
            {
                // The lanes are in: other replicas may join the run from here, and the next start may begin once it is done.
                await lease.ReleaseAsync().ConfigureAwait(false);
                return await ParticipateAsync(run, holder, discoveryCalls.ApiCalls, span, cancellationToken).ConfigureAwait(false);
            }

            status = CollectionRunStatus.Succeeded;
        }
        catch (OperationCanceledException) when (lease.IsLost)
        {
            status = CollectionRunStatus.Failed;
            failure = "lease lost";
            await errors.RunErrorAsync(run.Id, "The collection lease was lost while the run listed its repositories (another process may have taken it); the run stopped. What it stored stays.").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            status = CollectionRunStatus.Cancelled;
            LogCancelled(logger, run.Id);
        }
#pragma warning disable CA1031 // Whatever stops a run is recorded on it; the process goes on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            status = CollectionRunStatus.Failed;
            failure = exception.GetType().Name;
            LogFailed(logger, exception, run.Id);
            await errors.RunErrorAsync(run.Id, $"The run failed: {exception.Message}").ConfigureAwait(false);
        }

        await keeping.CancelAsync().ConfigureAwait(false);
        await keep.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var finished = await FinishAsync(run, status, discoveryCalls.Snapshot(), span, failure).ConfigureAwait(false);
        await lease.ReleaseAsync().ConfigureAwait(false);
        return finished;
    }

    /// <summary>Joins a run another process (or an earlier start here) began: collects its lanes with the others until none is left.</summary>
    public async Task<CollectionRun> JoinAsync(CollectionRun run, string holder, CancellationToken cancellationToken)
    {
        using var span = StartRunSpan(run);
        LogJoined(logger, run.Id, holder);
        return await ParticipateAsync(run, holder, 0, span, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether a running run still has a live holder, or had one within the last lease: a run whose lanes all lapsed longer
    /// ago than that (or that has no lanes, its starter having died before adding them) is abandoned by the next start.
    /// </summary>
    /// <remarks>Called holding the collection lease, so no process is adding the run's lanes meanwhile.</remarks>
    public async Task<bool> IsAliveAsync(CollectionRun run, CancellationToken cancellationToken)
    {
        var stored = await lanes.ListAsync(run.Id, cancellationToken).ConfigureAwait(false);
        if (stored.Count == 0)
        {
            return false;
        }

        var lastSign = stored.Select(l => l.LeaseExpiresAt ?? run.StartedAt).Append(run.StartedAt).Max();
        return clock.GetUtcNow() - lastSign <= options.Value.LeaseDuration;
    }

    /// <summary>Whether another process could take a lane of the run now: one is pending, or held under a claim that lapsed.</summary>
    public async Task<bool> HasClaimableLaneAsync(CollectionRun run, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return (await lanes.ListAsync(run.Id, cancellationToken).ConfigureAwait(false)).Any(l =>
            l.Status == CollectionLaneStatus.Pending || (l.Status == CollectionLaneStatus.Running && l.LeaseExpiresAt <= now));
    }

    /// <summary>Marks a run that lost every holder abandoned, with the counters its lanes recorded.</summary>
    public async Task AbandonAsync(CollectionRun run, CancellationToken cancellationToken)
    {
        var stored = await lanes.ListAsync(run.Id, cancellationToken).ConfigureAwait(false);
        var counters = stored.Count > 0 ? RunProgressReporter.Sum(stored)
            : new CollectionProgress(run.ReposTotal, run.ReposOk, run.ReposFailed, run.ApiCalls, run.RateLimitRemaining);
        await runs.FinishAsync(run.Id, CollectionRunStatus.Abandoned, counters, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// This process's part in a run: claims lanes while it has places for them, collects each, and stays while other
    /// processes hold lanes, to take over any whose claim lapses; the process that finds every lane done finishes the run.
    /// </summary>
    private async Task<CollectionRun> ParticipateAsync(CollectionRun run, string holder, int discoveryCalls, Activity? span, CancellationToken cancellationToken)
    {
        var held = new ConcurrentDictionary<string, CollectionLane>();
        var opened = new List<CollectionLane>();
        var collecting = new List<Task>();
        var perLane = Math.Min(options.Value.LaneConcurrency, options.Value.MaxConcurrency);
        using var places = new SemaphoreSlim(options.Value.MaxConcurrency);
        using var progressStop = new CancellationTokenSource();
        var reporting = progress.ReportAsync(run.Id, holder, held, progressStop.Token);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // A lane asks for as many places as it can fill; claiming stops once they are all spoken for, leaving the
                // other lanes to other replicas.
                while (held.Values.Sum(l => l.TurnEnded ? 0 : Math.Min(perLane, l.Left)) < options.Value.MaxConcurrency
                    && await lanes.ClaimAsync(run.Id, holder, options.Value.LeaseDuration, cancellationToken).ConfigureAwait(false) is { } claimed)
                {
                    var lane = await OpenLaneAsync(run, claimed, discoveryCalls, cancellationToken).ConfigureAwait(false);
                    discoveryCalls = 0;
                    opened.Add(lane);
                    held[lane.Key] = lane;
                    LogClaimed(logger, run.Id, lane.Key, lane.Repositories.Count, claimed.ReposTotal);
                    collecting.Add(CollectLaneAsync(run, lane, holder, held, places, cancellationToken));
                }

                if (held.IsEmpty)
                {
                    var stored = await lanes.ListAsync(run.Id, cancellationToken).ConfigureAwait(false);
                    if (stored.Count > 0 && stored.All(l => l.Status == CollectionLaneStatus.Done))
                    {
                        return await FinishRunAsync(run, stored, span).ConfigureAwait(false);
                    }

                    var now = await runs.FindAsync(run.Id, cancellationToken).ConfigureAwait(false);
                    if (now is not { Status: CollectionRunStatus.Running })
                    {
                        span?.SetTag("ghstats.run.status", now is null ? null : Lower(now.Status));
                        return now ?? run;
                    }

                    if (stored.Count == 0 && !await IsStartingAsync(run, cancellationToken).ConfigureAwait(false))
                    {
                        // Its starter died before adding the lanes: the next start marks it abandoned.
                        return now;
                    }
                }

                // Wakes when a lane ends, or to look again for a lane that lapsed or places that came free.
                await Task.WhenAny([.. collecting, Task.Delay(options.Value.ProgressInterval, clock, cancellationToken)]).ConfigureAwait(false);
                foreach (var ended in collecting.Where(t => t.IsCompleted).ToList())
                {
                    collecting.Remove(ended);
                    await ended.ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Task.WhenAll(collecting).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return await LeaveAsync(run, holder, held, span).ConfigureAwait(false);
        }
        finally
        {
            await progressStop.CancelAsync().ConfigureAwait(false);
            await reporting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            foreach (var lane in opened)
            {
                lane.Dispose();
            }
        }
    }

    /// <summary>Whether a run without lanes yet is still being started: some process holds the collection lease, or its lanes came in meanwhile.</summary>
    private async Task<bool> IsStartingAsync(CollectionRun run, CancellationToken cancellationToken)
    {
        var lease = await leases.FindAsync(RunLease.Name, cancellationToken).ConfigureAwait(false);
        return (lease is not null && lease.ExpiresAt > clock.GetUtcNow())
            || (await lanes.ListAsync(run.Id, cancellationToken).ConfigureAwait(false)).Count > 0;
    }

    /// <summary>
    /// The repositories of a claimed lane: those of its tenant collected through its connection, less, for a lane taken
    /// over from an earlier holder, those this run already collected (or failed), whose outcome the lane's counters carry.
    /// </summary>
    private async Task<CollectionLane> OpenLaneAsync(CollectionRun run, CollectionLaneState claimed, int discoveryCalls, CancellationToken cancellationToken)
    {
        var tracked = await repositories.ListTrackedAsync(claimed.TenantId, cancellationToken).ConfigureAwait(false);
        var available = await connections.ListAsync(claimed.TenantId, cancellationToken).ConfigureAwait(false);
        long? ConnectionOf(TrackedRepository repository) => repository.ConnectionId is { } id
            ? available.FirstOrDefault(c => c.Id == id)?.Id
            : available.Count > 0 ? available[0].Id : null;
        var ofLane = tracked.Where(r => ConnectionOf(r) == claimed.ConnectionId).ToList();
        var earlier = claimed.Progress;
        var takenOver = earlier.ReposDone + earlier.ApiCalls > 0;
        var done = takenOver ? ofLane.Where(r => r.LastCollectedAt >= run.StartedAt).ToList() : [];
        var counters = new RunCounters(
            Math.Max(claimed.ReposTotal, ofLane.Count), done.Count(r => r.LastStatus == "ok"), done.Count(r => r.LastStatus != "ok"), earlier);
        counters.AddApiCalls(discoveryCalls);
        if (takenOver)
        {
            LogResumed(logger, run.Id, claimed.Key, done.Count, ofLane.Count - done.Count);
        }

        // It takes turns when it may have to: other lanes wait for places, or an earlier holder had it (and may have taken turns).
        var takesTurns = options.Value.LaneTurn > TimeSpan.Zero
            && (takenOver || (await lanes.ListAsync(run.Id, cancellationToken).ConfigureAwait(false)).Any(l => l.Status == CollectionLaneStatus.Pending));
        var now = clock.GetUtcNow();
        return new CollectionLane(claimed.TenantId, claimed.ConnectionId, ofLane.Except(done), counters) { TakesTurns = takesTurns, ClaimedAt = now, LastRenewal = now };
    }

    /// <summary>Collects a claimed lane and completes it, or hands it back once its turn ended; losing its claim stops this lane only.</summary>
    private async Task CollectLaneAsync(CollectionRun run, CollectionLane lane, string holder, ConcurrentDictionary<string, CollectionLane> held, SemaphoreSlim places, CancellationToken cancellationToken)
    {
        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lane.Lost);
        using var openSessions = new RunSessions(connections, sessions, lane.Counters, lane.TakesTurns);
        try
        {
            await CollectRepositoriesAsync(run, lane, openSessions, places, work.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lane.IsLost && !cancellationToken.IsCancellationRequested)
        {
            held.TryRemove(lane.Key, out _);
            return;
        }

        lane.End();
        var handBack = lane.TurnEnded && lane.Left > 0;
        var written = handBack
            ? await lanes.HandBackAsync(run.Id, lane.Key, holder, lane.Progress(), CancellationToken.None).ConfigureAwait(false)
            : await lanes.CompleteAsync(run.Id, lane.Key, holder, lane.Progress(), CancellationToken.None).ConfigureAwait(false);
        held.TryRemove(lane.Key, out _);
        if (!written)
        {
            LogLaneLostAtEnd(logger, run.Id, lane.Key);
        }
        else if (handBack)
        {
            LogHandedBack(logger, run.Id, lane.Key, lane.Done, lane.Counters.Total);
        }
        else if (lane.Deferred > 0)
        {
            await errors.RunErrorAsync(run.Id, string.Create(CultureInfo.InvariantCulture,
                $"{lane.Deferred} of {lane.Counters.Total} repositories of GitHub connection {lane.ConnectionId} deferred to the next run, which takes them first: {lane.ExhaustedBecause}"),
                CollectionErrorKind.RateLimited).ConfigureAwait(false);
            LogDeferred(logger, run.Id, lane.Deferred, lane.ConnectionId);
        }
    }

    /// <summary>
    /// Leaves a run this process was stopped in: records its lanes' progress; when no other process holds a lane of the
    /// run, the run is marked cancelled, as a run in one process always was; otherwise the others take its lanes over.
    /// </summary>
    private async Task<CollectionRun> LeaveAsync(CollectionRun run, string holder, ConcurrentDictionary<string, CollectionLane> held, Activity? span)
    {
        foreach (var lane in held.Values.Where(l => !l.IsLost))
        {
            await lanes.UpdateProgressAsync(run.Id, lane.Key, holder, lane.Progress(), CancellationToken.None).ConfigureAwait(false);
        }

        var stored = await progress.WriteRunAsync(run.Id, CancellationToken.None).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var others = stored.Where(l => l.Status == CollectionLaneStatus.Running && l.Holder != holder && l.LeaseExpiresAt > now).ToList();
        if (others.Count > 0)
        {
            LogLeft(logger, run.Id, others.Count);
            span?.SetTag("ghstats.run.status", "running");
            return await runs.FindAsync(run.Id, CancellationToken.None).ConfigureAwait(false) ?? run;
        }

        var done = stored.Count(l => l.Status == CollectionLaneStatus.Done);
        LogCancelled(logger, run.Id);
        LogCancelledLanes(logger, run.Id, done, stored.Count);
        return await FinishAsync(run, CollectionRunStatus.Cancelled, RunProgressReporter.Sum(stored), span, null).ConfigureAwait(false);
    }

    /// <summary>Finishes a run whose lanes are all done, unless another process did already.</summary>
    private async Task<CollectionRun> FinishRunAsync(CollectionRun run, IReadOnlyList<CollectionLaneState> stored, Activity? span)
    {
        var current = await runs.FindAsync(run.Id, CancellationToken.None).ConfigureAwait(false);
        if (current is { Status: not CollectionRunStatus.Running })
        {
            span?.SetTag("ghstats.run.status", Lower(current.Status));
            return current;
        }

        var counters = RunProgressReporter.Sum(stored);
        var status = counters.ReposFailed == 0 ? CollectionRunStatus.Succeeded : CollectionRunStatus.CompletedWithErrors;
        return await FinishAsync(run, status, counters, span, null).ConfigureAwait(false);
    }

    private async Task<CollectionRun> FinishAsync(CollectionRun run, CollectionRunStatus status, CollectionProgress counters, Activity? span, string? failure)
    {
        CollectionRun finished;
        try
        {
            finished = await runs.FinishAsync(run.Id, status, counters, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }

        metrics.RunFinished(finished.Status, clock.GetUtcNow() - run.StartedAt);
        span?.SetTag("ghstats.run.status", Lower(finished.Status));
        if (finished.Status == CollectionRunStatus.Failed)
        {
            span?.SetStatus(ActivityStatusCode.Error, failure);
        }

        LogFinished(logger, run.Id, finished.Status, finished.ReposOk, finished.ReposFailed, finished.ApiCalls, finished.RateLimitRemaining);
        return finished;
    }

    /// <summary>
    /// Collects a lane's repositories in its deadline order, at most <see cref="GitHubCollectorOptions.LaneConcurrency"/> at
    /// once and each within this process's places; once the lane's budget is spent, the rest are deferred without a call;
    /// once its turn ends, the rest are left for the lane's next holder.
    /// </summary>
    private async Task CollectRepositoriesAsync(CollectionRun run, CollectionLane lane, RunSessions openSessions, SemaphoreSlim places, CancellationToken cancellationToken)
    {
        var perLane = Math.Min(options.Value.LaneConcurrency, options.Value.MaxConcurrency);
        // Only the repositories whose daily reads are due need their counters; later runs the same day read views and clones.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var batches = new CounterBatches([.. lane.Repositories.Where(r => RepositoryCollector.DailyReadsDue(r, today))], options.Value.GraphQLBatchSize, logger);
        await Parallel.ForEachAsync(
            lane.Repositories,
            new ParallelOptions { MaxDegreeOfParallelism = perLane, CancellationToken = cancellationToken },
            async (repository, token) =>
            {
                if (lane.ExhaustedBecause is not null)
                {
                    lane.Defer();
                    lane.RepositoryDone();
                    return;
                }

                if (lane.TurnEnded)
                {
                    return;
                }

                await places.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    if (lane.ExhaustedBecause is not null)
                    {
                        lane.Defer();
                        lane.RepositoryDone();
                        return;
                    }

                    if (lane.TurnEnded)
                    {
                        return;
                    }

                    await CollectOneAsync(run, repository, openSessions, lane, batches, token).ConfigureAwait(false);
                }
                finally
                {
                    places.Release();
                }
            }).ConfigureAwait(false);
    }

    private async Task CollectOneAsync(
        CollectionRun run, TrackedRepository repository, RunSessions openSessions, CollectionLane lane, CounterBatches batches, CancellationToken cancellationToken)
    {
        var counters = lane.Counters;
        // A child of the run's span (the current activity here); GitHub calls made for the repository become its children.
        using var span = GhStatsTelemetry.StartSpan(GhStatsTelemetry.Spans.CollectRepository);
        span?.SetTag("ghstats.run.id", run.Id);
        span?.SetTag("ghstats.repository", repository.FullName);
        span?.SetTag("ghstats.repository.id", repository.Id);
        GitHubSession? session = null;
        var (slowReads, slowCalls) = (false, 0);
        try
        {
            session = await openSessions.ForAsync(repository.TenantId, repository.ConnectionId, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                await FailAsync(CollectionErrorKind.Unauthorized, "The tenant has no GitHub connection: add a token or a GitHub App.").ConfigureAwait(false);
                return;
            }

            if (session.RefusedBecause is { } reason)
            {
                // One refusal per connection is enough: its other repositories are recorded without calling GitHub again.
                await FailAsync(CollectionErrorKind.Unauthorized, reason).ConfigureAwait(false);
                return;
            }

            // Views and clones first: the slow reads only while the budget left still covers every other repository's.
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            slowCalls = RepositoryCollector.SlowReadCalls(repository, today, options.Value.StarBackfillPagesPerRun);
            slowReads = lane.TryPledgeSlowReads(session.Budget.RemainingNow(), slowCalls);
            if (!slowReads && slowCalls > 0)
            {
                span?.SetTag("ghstats.repository.slow_reads", "postponed");
                LogSlowReadsPostponed(logger, repository.FullName, lane.Key);
            }

            var known = slowReads ? await batches.ForAsync(repository, session, cancellationToken).ConfigureAwait(false) : null;
            await collector.CollectAsync(repository, session.Client, session.ConnectionId, known, slowReads, cancellationToken).ConfigureAwait(false);
            counters.Succeeded();
            metrics.RepositoryCollected();
            span?.SetTag("ghstats.repository.outcome", "ok");
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested)
        {
            // Whatever a stopping process's parts throw (a disposed HTTP pipeline, say) is no failure of the repository.
            span?.SetTag("ghstats.repository.outcome", "cancelled");
            throw exception as OperationCanceledException ?? new OperationCanceledException(cancellationToken);
        }
#pragma warning disable CA1031 // A failed repository is recorded and the run goes on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var (kind, message) = GitHubFailure.ForCollection(exception);
            if (kind == CollectionErrorKind.RateLimited)
            {
                // The connection's limit holds longer than the collector waits: this repository and the lane's rest wait for
                // the next run, which starts with them (they have waited longest). What this one stored before stays.
                lane.Exhaust(message);
                lane.Defer();
                span?.SetTag("ghstats.repository.outcome", "deferred");
                return;
            }

            if (kind == CollectionErrorKind.Unauthorized || GitHubRequestRefusedException.Find(exception) is not null)
            {
                session?.Refuse(message);
            }

            await FailAsync(kind, message).ConfigureAwait(false);
        }
        finally
        {
            if (slowReads)
            {
                lane.ReleaseSlowReads(slowCalls);
            }

            lane.RepositoryDone();
            progress.RepositoryDone(lane);
        }

        async Task FailAsync(CollectionErrorKind kind, string message)
        {
            await errors.RepositoryFailedAsync(run.Id, repository, counters, kind, message).ConfigureAwait(false);
            span?.SetTag("ghstats.repository.outcome", "failed");
            span?.SetTag("ghstats.repository.failure_kind", Lower(kind));
            span?.SetStatus(ActivityStatusCode.Error, kind.ToString());
        }
    }

    private async Task DiscoverAsync(CollectionRun run, TrackedOwner owner, RunSessions openSessions, CancellationToken cancellationToken)
    {
        try
        {
            var session = await openSessions.ForAsync(owner.TenantId, owner.ConnectionId, cancellationToken).ConfigureAwait(false);
            if (session is null || session.RefusedBecause is not null)
            {
                await errors.RunErrorAsync(run.Id, $"Listing the repositories of {owner.Owner} needs a usable GitHub connection in the tenant.{(session?.RefusedBecause is { } reason ? " " + reason : "")}", CollectionErrorKind.Unauthorized).ConfigureAwait(false);
                return;
            }

            try
            {
                await discovery.DiscoverAsync(owner, owner.ConnectionId, session.Client, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (GitHubRequestRefusedException.Find(exception) is { } refused)
            {
                // A connection that broke a limit or pointed elsewhere is not asked again in this run.
                session.Refuse(refused.Message);
                throw;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One owner that cannot be listed does not stop the run.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var (kind, message) = GitHubFailure.ForCollection(exception);
            await errors.RunErrorAsync(run.Id, $"Listing the repositories of {owner.Owner} failed: {message}", kind).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Starts the run's span as the root of a trace of its own, linked to whatever started the run (a request, say): a run
    /// outlives its trigger by far, and its many GitHub calls would swamp the trigger's trace.
    /// </summary>
    private static Activity? StartRunSpan(CollectionRun run)
    {
        var trigger = Activity.Current;
        Activity.Current = null;
        var span = GhStatsTelemetry.StartSpan(GhStatsTelemetry.Spans.CollectionRun);
        if (span is null)
        {
            return null;
        }

        if (trigger is not null)
        {
            span.AddLink(new ActivityLink(trigger.Context));
        }

        span.SetTag("ghstats.run.id", run.Id);
        span.SetTag("ghstats.run.trigger", Lower(run.Trigger));
        if (run.TenantId is { } tenantId)
        {
            span.SetTag("ghstats.tenant.id", tenantId);
        }

        return span;
    }

    /// <summary>Enum values as GhStats' metrics tag them, e.g. <c>completedwitherrors</c>.</summary>
    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection run {RunId} started ({Trigger}, asked by {RequestedBy}, tenant {TenantId})")]
    private static partial void LogStarted(ILogger logger, long runId, CollectionTrigger trigger, string? requestedBy, long? tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection run {RunId} finished {Status}: {Ok} ok, {Failed} failed, {ApiCalls} API calls, rate limit left {Remaining}")]
    private static partial void LogFinished(ILogger logger, long runId, CollectionRunStatus status, int ok, int failed, int apiCalls, int? remaining);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collection run {RunId} was cancelled; what it stored stays")]
    private static partial void LogCancelled(ILogger logger, long runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection run {RunId} had {Done} of its {Lanes} lanes done when it was cancelled")]
    private static partial void LogCancelledLanes(ILogger logger, long runId, int done, int lanes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection run {RunId} joined by {Holder}")]
    private static partial void LogJoined(ILogger logger, long runId, string holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection run {RunId}: claimed lane {Lane}, {Left} of its {Total} repositories to collect")]
    private static partial void LogClaimed(ILogger logger, long runId, string lane, int left, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection run {RunId}: took lane {Lane} on from an earlier holder (it handed the lane back, or its claim lapsed); {Done} of its repositories were collected already, {Left} to go")]
    private static partial void LogResumed(ILogger logger, long runId, string lane, int done, int left);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection run {RunId}: handed lane {Lane} back after its turn, for a lane that waited; {Done} of its {Total} repositories done")]
    private static partial void LogHandedBack(ILogger logger, long runId, string lane, int done, int total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Collection run {RunId}: lane {Lane} was taken by another process before this one completed it")]
    private static partial void LogLaneLostAtEnd(ILogger logger, long runId, string lane);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection run {RunId}: this process stops, {Others} lanes held by other processes go on, and its own are taken over once their claims lapse")]
    private static partial void LogLeft(ILogger logger, long runId, int others);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collection run {RunId} deferred {Deferred} repositories of connection {ConnectionId} to the next run: its rate limit is spent")]
    private static partial void LogDeferred(ILogger logger, long runId, int deferred, long? connectionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Repository}: its daily and weekly reads wait for a later run, lane {Lane}'s budget left covers only views and clones")]
    private static partial void LogSlowReadsPostponed(ILogger logger, string repository, string lane);

    [LoggerMessage(Level = LogLevel.Error, Message = "Collection run {RunId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, long runId);
}
