using System.Collections.Concurrent;
using GhStats.Domain;
using GhStats.GitHub.Client;
using GhStats.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.GitHub.Collection;

/// <summary>
/// Executes one collection run: discovers owner-wide repositories, collects every tracked repository with bounded
/// concurrency, records each failure with its kind and goes on, writes progress as it goes, and finishes the run record.
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
    IOptions<GitHubCollectorOptions> options,
    TimeProvider clock,
    ILogger<CollectionJob> logger)
{
    public const string LeaseName = "collection";

    /// <summary>Runs <paramref name="run"/> to its end and returns it as finished; never throws but for a store failure at the very end.</summary>
    public async Task<CollectionRun> ExecuteAsync(CollectionRun run, string leaseHolder, CancellationToken cancellationToken)
    {
        var counters = new RunCounters();
        var openSessions = new ConcurrentDictionary<long, GitHubSession>();
        var tenantConnections = new ConcurrentDictionary<long, Task<IReadOnlyList<GitHubConnection>>>();
        using var progressStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var leaseLost = new CancellationTokenSource();
        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, leaseLost.Token);
        var progress = Task.CompletedTask;
        var status = CollectionRunStatus.Failed;
        try
        {
            LogStarted(logger, run.Id, run.Trigger, run.RequestedBy, run.TenantId);
            progress = WriteProgressAsync(run.Id, counters, leaseHolder, leaseLost, progressStop.Token);

            foreach (var owner in await owners.ListForCollectionAsync(run.TenantId, work.Token).ConfigureAwait(false))
            {
                await DiscoverAsync(run, owner, counters, openSessions, tenantConnections, work.Token).ConfigureAwait(false);
            }

            var tracked = await repositories.ListTrackedAsync(run.TenantId, work.Token).ConfigureAwait(false);
            counters.Total = tracked.Count;
            await runs.UpdateProgressAsync(run.Id, counters.Snapshot(), work.Token).ConfigureAwait(false);

            await Parallel.ForEachAsync(
                tracked,
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = work.Token },
                async (repository, token) => await CollectOneAsync(run, repository, counters, openSessions, tenantConnections, token).ConfigureAwait(false)).ConfigureAwait(false);

            status = counters.Failed == 0 ? CollectionRunStatus.Succeeded : CollectionRunStatus.CompletedWithErrors;
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested)
        {
            status = CollectionRunStatus.Failed;
            await RecordRunErrorAsync(run.Id, "The collection lease was lost (another process may have taken it); the run stopped. What it stored stays.").ConfigureAwait(false);
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
            LogFailed(logger, exception, run.Id);
            await RecordRunErrorAsync(run.Id, $"The run failed: {exception.Message}").ConfigureAwait(false);
        }
        finally
        {
            await progressStop.CancelAsync().ConfigureAwait(false);
            await progress.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            foreach (var session in openSessions.Values)
            {
                session.Dispose();
            }
        }

        var finished = await runs.FinishAsync(run.Id, status, counters.Snapshot(), CancellationToken.None).ConfigureAwait(false);
        await leases.ReleaseAsync(LeaseName, leaseHolder, CancellationToken.None).ConfigureAwait(false);
        LogFinished(logger, run.Id, finished.Status, finished.ReposOk, finished.ReposFailed, finished.ApiCalls, finished.RateLimitRemaining);
        return finished;
    }

    private async Task CollectOneAsync(
        CollectionRun run,
        TrackedRepository repository,
        RunCounters counters,
        ConcurrentDictionary<long, GitHubSession> openSessions,
        ConcurrentDictionary<long, Task<IReadOnlyList<GitHubConnection>>> tenantConnections,
        CancellationToken cancellationToken)
    {
        GitHubSession? session = null;
        try
        {
            session = await SessionForAsync(repository.TenantId, repository.ConnectionId, counters, openSessions, tenantConnections, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                await FailAsync(run, repository, counters, CollectionErrorKind.Unauthorized, "The tenant has no GitHub connection: add a token or a GitHub App.").ConfigureAwait(false);
                return;
            }

            if (session.RefusedBecause is { } reason)
            {
                // One refusal per connection is enough: its other repositories are recorded without calling GitHub again.
                await FailAsync(run, repository, counters, CollectionErrorKind.Unauthorized, reason).ConfigureAwait(false);
                return;
            }

            await collector.CollectAsync(repository, session.Client, cancellationToken).ConfigureAwait(false);
            counters.Succeeded();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed repository is recorded and the run goes on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var (kind, message) = CollectionFailure.Classify(exception);
            if (kind == CollectionErrorKind.Unauthorized)
            {
                session?.Refuse(message);
            }

            await FailAsync(run, repository, counters, kind, message).ConfigureAwait(false);
        }
        finally
        {
            LogProgressStep(counters);
        }
    }

    private async Task DiscoverAsync(
        CollectionRun run,
        TrackedOwner owner,
        RunCounters counters,
        ConcurrentDictionary<long, GitHubSession> openSessions,
        ConcurrentDictionary<long, Task<IReadOnlyList<GitHubConnection>>> tenantConnections,
        CancellationToken cancellationToken)
    {
        try
        {
            var session = await SessionForAsync(owner.TenantId, owner.ConnectionId, counters, openSessions, tenantConnections, cancellationToken).ConfigureAwait(false);
            if (session is null || session.RefusedBecause is not null)
            {
                await RecordRunErrorAsync(run.Id, $"Listing the repositories of {owner.Owner} needs a usable GitHub connection in the tenant.", CollectionErrorKind.Unauthorized).ConfigureAwait(false);
                return;
            }

            await discovery.DiscoverAsync(owner, owner.ConnectionId, session.Client, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One owner that cannot be listed does not stop the run.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var (kind, message) = CollectionFailure.Classify(exception);
            await RecordRunErrorAsync(run.Id, $"Listing the repositories of {owner.Owner} failed: {message}", kind).ConfigureAwait(false);
        }
    }

    /// <summary>The session of a repository's connection, or of the tenant's first connection when it names none; null when the tenant has none.</summary>
    private async Task<GitHubSession?> SessionForAsync(
        long tenantId,
        long? connectionId,
        RunCounters counters,
        ConcurrentDictionary<long, GitHubSession> openSessions,
        ConcurrentDictionary<long, Task<IReadOnlyList<GitHubConnection>>> tenantConnections,
        CancellationToken cancellationToken)
    {
        var available = await tenantConnections.GetOrAdd(tenantId, id => connections.ListAsync(id, cancellationToken)).ConfigureAwait(false);
        var connection = connectionId is { } id ? available.FirstOrDefault(c => c.Id == id) : available.Count > 0 ? available[0] : null;
        return connection is null ? null : openSessions.GetOrAdd(connection.Id, _ => sessions.Create(connection, counters, cancellationToken));
    }

    private async Task FailAsync(CollectionRun run, TrackedRepository repository, RunCounters counters, CollectionErrorKind kind, string message)
    {
        counters.Failure();
        LogRepositoryFailed(logger, repository.FullName, kind, message);

        // Failures are written even when the run is being cancelled: they are what the log is for.
        await runs.AddErrorAsync(new CollectionError(run.Id, repository.Id, kind, message, clock.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        await repositories.RecordCollectionAsync(repository.Id, kind.ToString(), cancellationToken: CancellationToken.None).ConfigureAwait(false);
    }

    private async Task RecordRunErrorAsync(long runId, string message, CollectionErrorKind kind = CollectionErrorKind.Unknown) =>
        await runs.AddErrorAsync(new CollectionError(runId, null, kind, message, clock.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);

    /// <summary>Writes the counters and renews the lease until stopped; losing the lease stops the run.</summary>
    private async Task WriteProgressAsync(long runId, RunCounters counters, string leaseHolder, CancellationTokenSource leaseLost, CancellationToken stop)
    {
        var settings = options.Value;
        var renewEvery = settings.LeaseDuration / 3;
        var lastRenewal = clock.GetUtcNow();
        using var timer = new PeriodicTimer(settings.ProgressInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                await runs.UpdateProgressAsync(runId, counters.Snapshot(), stop).ConfigureAwait(false);
                if (clock.GetUtcNow() - lastRenewal >= renewEvery)
                {
                    if (!await leases.RenewAsync(LeaseName, leaseHolder, settings.LeaseDuration, stop).ConfigureAwait(false))
                    {
                        LogLeaseLost(logger, runId);
                        await leaseLost.CancelAsync().ConfigureAwait(false);
                        return;
                    }

                    lastRenewal = clock.GetUtcNow();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private void LogProgressStep(RunCounters counters)
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection run {RunId} started ({Trigger}, asked by {RequestedBy}, tenant {TenantId})")]
    private static partial void LogStarted(ILogger logger, long runId, CollectionTrigger trigger, string? requestedBy, long? tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collected {Done} of {Total} repositories ({Failed} failed), {ApiCalls} API calls, rate limit left {Remaining}")]
    private static partial void LogProgress(ILogger logger, int done, int total, int failed, int apiCalls, int? remaining);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Repository {Repository} failed: {Kind}: {Message}")]
    private static partial void LogRepositoryFailed(ILogger logger, string repository, CollectionErrorKind kind, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection run {RunId} finished {Status}: {Ok} ok, {Failed} failed, {ApiCalls} API calls, rate limit left {Remaining}")]
    private static partial void LogFinished(ILogger logger, long runId, CollectionRunStatus status, int ok, int failed, int apiCalls, int? remaining);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collection run {RunId} was cancelled after {Done} of {Total} repositories; what it stored stays")]
    private static partial void LogCancelled(ILogger logger, long runId, int done, int total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Collection run {RunId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, long runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Collection run {RunId} lost its lease and stops")]
    private static partial void LogLeaseLost(ILogger logger, long runId);
}
