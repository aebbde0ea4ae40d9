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
/// Executes one collection run: discovers owner-wide repositories, collects every tracked repository in lanes (one per
/// GitHub connection, side by side, each in deadline order with bounded concurrency), records each failure with its kind
/// and goes on, defers what a spent rate limit leaves to the next run, reports progress as it goes, and finishes the run record.
/// A run is a span of its own trace, with a child span per repository, and is counted on GhStats' meter.
/// </summary>
internal sealed partial class CollectionJob(
    IRepositoryStore repositories,
    IConnectionStore connections,
    ITrackedOwnerStore owners,
    ICollectionRunStore runs,
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
    /// <summary>Runs <paramref name="run"/> to its end and returns it as finished; never throws but for a store failure at the very end.</summary>
    public async Task<CollectionRun> ExecuteAsync(CollectionRun run, string leaseHolder, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        metrics.RunStarted(run.Trigger);
        using var span = StartRunSpan(run);
        var counters = new RunCounters();
        using var lease = new RunLease(leases, leaseHolder, options.Value.LeaseDuration, clock, metrics, logger);
        var openSessions = new RunSessions(connections, sessions, counters);
        using var progressStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        var reporting = Task.CompletedTask;
        var status = CollectionRunStatus.Failed;
        string? failure = null;
        try
        {
            LogStarted(logger, run.Id, run.Trigger, run.RequestedBy, run.TenantId);
            reporting = progress.ReportAsync(run.Id, counters, lease, progressStop.Token);

            foreach (var owner in await owners.ListForCollectionAsync(run.TenantId, work.Token).ConfigureAwait(false))
            {
                await DiscoverAsync(run, owner, openSessions, work.Token).ConfigureAwait(false);
            }

            var tracked = await repositories.ListTrackedAsync(run.TenantId, work.Token).ConfigureAwait(false);
            counters.Total = tracked.Count;
            await progress.WriteAsync(run.Id, counters, work.Token).ConfigureAwait(false);

            // One lane per connection, side by side: a slow or rate-limited connection delays only its own repositories.
            var lanes = await CollectionLane.OfAsync(tracked, openSessions, work.Token).ConfigureAwait(false);
            using (var places = new SemaphoreSlim(options.Value.MaxConcurrency))
            {
                await Task.WhenAll(lanes.Select(lane => CollectLaneAsync(run, lane, counters, openSessions, places, work.Token))).ConfigureAwait(false);
            }

            foreach (var lane in lanes.Where(l => l.Deferred > 0))
            {
                await errors.RunErrorAsync(run.Id, string.Create(CultureInfo.InvariantCulture,
                    $"{lane.Deferred} of {lane.Repositories.Count} repositories of GitHub connection {lane.ConnectionId} deferred to the next run, which takes them first: {lane.ExhaustedBecause}"),
                    CollectionErrorKind.RateLimited).ConfigureAwait(false);
                LogDeferred(logger, run.Id, lane.Deferred, lane.ConnectionId);
            }

            status = counters.Failed == 0 ? CollectionRunStatus.Succeeded : CollectionRunStatus.CompletedWithErrors;
        }
        catch (OperationCanceledException) when (lease.IsLost)
        {
            status = CollectionRunStatus.Failed;
            failure = "lease lost";
            await errors.RunErrorAsync(run.Id, "The collection lease was lost (another process may have taken it); the run stopped. What it stored stays.").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            status = CollectionRunStatus.Cancelled;
            LogCancelled(logger, run.Id, counters.Done, counters.Total);
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
        finally
        {
            await progressStop.CancelAsync().ConfigureAwait(false);
            await reporting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            openSessions.Dispose();
        }

        CollectionRun finished;
        try
        {
            finished = await runs.FinishAsync(run.Id, status, counters.Snapshot(), CancellationToken.None).ConfigureAwait(false);
            await lease.ReleaseAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }

        metrics.RunFinished(finished.Status, clock.GetElapsedTime(started));
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
    /// once and each within the run's places; once the lane's budget is spent, the rest are deferred without a call.
    /// </summary>
    private async Task CollectLaneAsync(CollectionRun run, CollectionLane lane, RunCounters counters, RunSessions openSessions, SemaphoreSlim places, CancellationToken cancellationToken)
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
                    return;
                }

                await places.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    if (lane.ExhaustedBecause is not null)
                    {
                        lane.Defer();
                        return;
                    }

                    await CollectOneAsync(run, repository, counters, openSessions, lane, batches, token).ConfigureAwait(false);
                }
                finally
                {
                    places.Release();
                }
            }).ConfigureAwait(false);
    }

    private async Task CollectOneAsync(
        CollectionRun run, TrackedRepository repository, RunCounters counters, RunSessions openSessions, CollectionLane lane, CounterBatches batches, CancellationToken cancellationToken)
    {
        // A child of the run's span (the current activity here); GitHub calls made for the repository become its children.
        using var span = GhStatsTelemetry.StartSpan(GhStatsTelemetry.Spans.CollectRepository);
        span?.SetTag("ghstats.run.id", run.Id);
        span?.SetTag("ghstats.repository", repository.FullName);
        span?.SetTag("ghstats.repository.id", repository.Id);
        GitHubSession? session = null;
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

            var known = await batches.ForAsync(repository, session, cancellationToken).ConfigureAwait(false);
            await collector.CollectAsync(repository, session.Client, session.ConnectionId, known, cancellationToken).ConfigureAwait(false);
            counters.Succeeded();
            metrics.RepositoryCollected();
            span?.SetTag("ghstats.repository.outcome", "ok");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            span?.SetTag("ghstats.repository.outcome", "cancelled");
            throw;
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
            progress.RepositoryDone(counters);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collection run {RunId} was cancelled after {Done} of {Total} repositories; what it stored stays")]
    private static partial void LogCancelled(ILogger logger, long runId, int done, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collection run {RunId} deferred {Deferred} repositories of connection {ConnectionId} to the next run: its rate limit is spent")]
    private static partial void LogDeferred(ILogger logger, long runId, int deferred, long? connectionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Collection run {RunId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, long runId);
}
