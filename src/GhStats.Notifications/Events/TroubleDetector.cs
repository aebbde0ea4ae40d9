using GhStats.Diagnostics;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.Notifications.Events;

/// <summary>
/// Keeps a tenant's collection trouble conditions in step with what the store says: each evaluation works out which
/// conditions hold now, opens the ones not yet open (raising <c>trouble.started</c>) and clears the open ones that no
/// longer hold (raising <c>trouble.resolved</c>). A condition is one row while it lasts, so a run that fails the same
/// way again says nothing new: one message when it starts, one when it clears.
/// </summary>
internal sealed partial class TroubleDetector(
    INotificationStore notifications,
    IConnectionStore connections,
    SubscriberScope scope,
    IOptions<GhStatsCoverageOptions> coverage,
    IOptions<GhStatsNotificationsOptions> options,
    GhStatsMetrics metrics,
    ILogger<TroubleDetector> logger)
{
    private static readonly string Unauthorized = nameof(CollectionErrorKind.Unauthorized);
    private static readonly string NoPushAccess = nameof(CollectionErrorKind.NoPushAccess);
    private static readonly string NotFound = nameof(CollectionErrorKind.NotFound);

    /// <summary>Subscribers' copies of started events this process raised (or found raised), so it asks the store once.</summary>
    private readonly HashSet<string> _copied = [];
    private readonly Lock _gate = new();

    /// <param name="tenant">The tenant.</param>
    /// <param name="tracked">Its tracked repositories.</param>
    /// <param name="latestRuns">The latest collection runs of every tenant, newest first.</param>
    /// <param name="now">The instant evaluated.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    public async Task EvaluateAsync(
        Tenant tenant, IReadOnlyList<TrackedRepository> tracked, IReadOnlyList<CollectionRun> latestRuns, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.PublicBaseUrl;
        var tenantConnections = await connections.ListAsync(tenant.Id, cancellationToken).ConfigureAwait(false);
        var holding = new Dictionary<string, TroubleStartedPayload>(StringComparer.Ordinal);
        var undecided = new HashSet<string>(StringComparer.Ordinal);

        // A refused token fails every repository read through its connection: one condition for the connection, not one per repository.
        foreach (var refused in tracked.Where(r => r.LastStatus == Unauthorized)
                     .GroupBy(r => ConnectionOf(r, tenantConnections))
                     .Where(g => g.Key is not null))
        {
            var connection = refused.Key!;
            var key = TroubleConditionKeys.ConnectionUnauthorized(connection.Id);
            var repositories = refused.Select(r => Named(r, baseUrl)).ToList();
            holding[key] = new TroubleStartedPayload(
                key, TroubleKind.ConnectionUnauthorized,
                $"GitHub refused the credentials of connection \"{connection.Name}\" (401: bad, expired or revoked); {Count(repositories.Count)} not collected",
                now, null, connection.Id, connection.Name, repositories, null, null, null, AppLinks.Tenant(baseUrl, tenant.Slug));
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var repository in tracked)
        {
            var named = Named(repository, baseUrl);
            if (repository.LastStatus == NoPushAccess)
            {
                Hold(TroubleKind.NoPushAccess, named, $"{repository.FullName}: the token has no push access, which GitHub requires to read traffic");
            }
            else if (repository.LastStatus == NotFound)
            {
                Hold(TroubleKind.NotFound, named, $"{repository.FullName}: GitHub answers 404 (renamed, deleted, or not visible to the token)");
            }

            // At risk holds while days are being lost too, so a repository that recovers is told once per condition it was in.
            var horizon = CollectionHorizon.Of(repository, today, coverage.Value.AtRiskAfterDays);
            if (horizon.State != HorizonState.Fine)
            {
                Hold(TroubleKind.AtRisk, named,
                    $"{repository.FullName}: no successful daily read for {Count(horizon.DaysSinceRead, "day")}; GitHub keeps only {CollectionHorizon.GitHubWindowDays}",
                    horizon);
            }

            if (horizon.State == HorizonState.LosingDays)
            {
                Hold(TroubleKind.LosingDays, named,
                    $"{repository.FullName}: no successful daily read for {Count(horizon.DaysSinceRead, "day")}; days are falling out of GitHub's {CollectionHorizon.GitHubWindowDays}-day window",
                    horizon);
            }
        }

        // The latest finished run that covered the tenant decides; with none among the latest runs nothing changes.
        var lastFinished = latestRuns.FirstOrDefault(r => (r.TenantId is null || r.TenantId == tenant.Id)
            && r.Status is CollectionRunStatus.Failed or CollectionRunStatus.Succeeded or CollectionRunStatus.CompletedWithErrors);
        if (lastFinished is null)
        {
            undecided.Add(TroubleConditionKeys.RunFailed);
        }
        else if (lastFinished.Status == CollectionRunStatus.Failed)
        {
            holding[TroubleConditionKeys.RunFailed] = new TroubleStartedPayload(
                TroubleConditionKeys.RunFailed, TroubleKind.RunFailed,
                FormattableString.Invariant($"Collection run {lastFinished.Id} failed"),
                now, null, null, null, [], lastFinished.Id, null, null, AppLinks.CollectionLog(baseUrl));
        }

        var open = (await notifications.ListOpenConditionsAsync(tenant.Id, cancellationToken).ConfigureAwait(false))
            .Where(c => TroubleConditionKeys.Parse(c.Key) is not null)
            .ToDictionary(c => c.Key, StringComparer.Ordinal);
        var subscribers = new Lazy<Task<IReadOnlyList<Subscriber>>>(() => SubscribersAsync(tenant.Id, cancellationToken));
        var openedAt = open.Values.ToDictionary(c => c.Key, c => c.OpenedAt, StringComparer.Ordinal);
        foreach (var (key, started) in holding.Where(h => !open.ContainsKey(h.Key)))
        {
            var announced = new NotificationEvent(Guid.NewGuid(), tenant.Id, NotificationEventKinds.TroubleStarted, NotificationTopics.Trouble,
                TroubleConditionKeys.Started(key, now), EventPayloadJson.Write(started), now);
            if (await notifications.OpenConditionAsync(new NotificationCondition(tenant.Id, key, now, started.Summary), announced, cancellationToken).ConfigureAwait(false))
            {
                metrics.NotificationRaised(NotificationEventKinds.TroubleStarted);
                LogStarted(logger, tenant.Slug, key, started.Summary);
                openedAt[key] = now;
            }
        }

        // Subscribers' copies of a start are raised while the condition is open, keyed by when it opened: a process that
        // died between opening and copying, or a subscription made later, still gets its copy, and only once.
        // (A condition another process opened just now is copied at the next evaluation, under the time it stored.)
        foreach (var (key, started) in holding.Where(h => openedAt.ContainsKey(h.Key)))
        {
            var copy = started with { OpenedAt = openedAt[key] };
            await CopyAsync(tenant.Id, NotificationEventKinds.TroubleStarted, TroubleConditionKeys.Started(key, copy.OpenedAt), copy.Repository?.Id, EventPayloadJson.Write(copy),
                now, subscribers, cancellationToken).ConfigureAwait(false);
        }

        foreach (var condition in open.Values.Where(c => !holding.ContainsKey(c.Key) && !undecided.Contains(c.Key)))
        {
            var resolved = Resolve(condition, tracked, tenantConnections, lastFinished, now, baseUrl, tenant.Slug);
            var key = TroubleConditionKeys.Resolved(condition.Key, now);
            var payload = EventPayloadJson.Write(resolved);
            var announced = new NotificationEvent(Guid.NewGuid(), tenant.Id, NotificationEventKinds.TroubleResolved, NotificationTopics.Trouble, key, payload, now);

            // Subscribers' copies are raised with the clearing itself: once the condition is gone, nothing could raise them later.
            var subject = TroubleConditionKeys.Parse(condition.Key)!.Value;
            var repositoryId = subject.Kind is TroubleKind.ConnectionUnauthorized or TroubleKind.RunFailed ? null : subject.SubjectId;
            var copies = (await subscribers.Value.ConfigureAwait(false))
                .Where(s => repositoryId is { } id ? s.Sees(id) : s.SeesTenant)
                .Select(s => new NotificationEvent(Guid.NewGuid(), tenant.Id, NotificationEventKinds.TroubleResolved, NotificationTopics.Trouble, s.KeyOf(key), payload, now, UserId: s.UserId))
                .ToList();
            if (await notifications.CloseConditionAsync(tenant.Id, condition.Key, announced, copies, cancellationToken).ConfigureAwait(false))
            {
                metrics.NotificationRaised(NotificationEventKinds.TroubleResolved);
                foreach (var _ in copies)
                {
                    metrics.NotificationRaised(NotificationEventKinds.TroubleResolved);
                }

                LogResolved(logger, tenant.Slug, condition.Key, resolved.Resolution);
            }
        }

        void Hold(TroubleKind kind, EventRepository repository, string summary, CollectionHorizon? horizon = null)
        {
            var key = TroubleConditionKeys.Repository(repository.Id, kind);
            holding[key] = new TroubleStartedPayload(key, kind, summary, now, repository, null, null, [], null,
                horizon?.LastDailyReadOn, horizon?.DaysSinceRead, repository.Url);
        }
    }

    /// <summary>
    /// Raises a subscriber's copy of a trouble event for each subscriber who may see its subject: a repository's
    /// condition for those who see the repository, a connection's or the runs' for those who see the whole tenant.
    /// </summary>
    private async Task CopyAsync(
        long tenantId, string kind, string key, long? repositoryId, string payload, DateTimeOffset now,
        Lazy<Task<IReadOnlyList<Subscriber>>> subscribers, CancellationToken cancellationToken)
    {
        foreach (var subscriber in await subscribers.Value.ConfigureAwait(false))
        {
            var copyKey = subscriber.KeyOf(key);
            if (!(repositoryId is { } id ? subscriber.Sees(id) : subscriber.SeesTenant) || Copied(copyKey))
            {
                continue;
            }

            if (await notifications.RaiseAsync(
                    new NotificationEvent(Guid.NewGuid(), tenantId, kind, NotificationTopics.Trouble, copyKey, payload, now, UserId: subscriber.UserId),
                    cancellationToken).ConfigureAwait(false))
            {
                metrics.NotificationRaised(kind);
            }

            lock (_gate)
            {
                _copied.Add(copyKey);
            }
        }
    }

    private bool Copied(string key)
    {
        lock (_gate)
        {
            return _copied.Contains(key);
        }
    }

    private async Task<IReadOnlyList<Subscriber>> SubscribersAsync(long tenantId, CancellationToken cancellationToken) =>
        (await notifications.ListSubscribersAsync(tenantId, NotificationTopics.Trouble, cancellationToken).ConfigureAwait(false)).Count == 0
            ? []
            : await scope.SubscribersAsync(tenantId, NotificationTopics.Trouble, cancellationToken).ConfigureAwait(false);

    /// <summary>The connection the collector reads a repository with: its own, else the tenant's first.</summary>
    private static GitHubConnection? ConnectionOf(TrackedRepository repository, IReadOnlyList<GitHubConnection> tenantConnections) =>
        repository.ConnectionId is { } id ? tenantConnections.FirstOrDefault(c => c.Id == id) : tenantConnections.Count > 0 ? tenantConnections[0] : null;

    private static TroubleResolvedPayload Resolve(
        NotificationCondition condition, IReadOnlyList<TrackedRepository> tracked, IReadOnlyList<GitHubConnection> tenantConnections,
        CollectionRun? lastFinished, DateTimeOffset now, Uri? baseUrl, string tenantSlug)
    {
        var (kind, subject) = TroubleConditionKeys.Parse(condition.Key)!.Value;
        var repository = kind is TroubleKind.ConnectionUnauthorized or TroubleKind.RunFailed ? null : tracked.FirstOrDefault(r => r.Id == subject);
        var (reason, resolution) = kind switch
        {
            TroubleKind.ConnectionUnauthorized => tenantConnections.Any(c => c.Id == subject)
                ? (TroubleResolution.CredentialsAccepted, "GitHub accepts the connection's credentials again (or no tracked repository is read with them any more)")
                : (TroubleResolution.ConnectionRemoved, "The connection was removed"),
            TroubleKind.RunFailed => (TroubleResolution.RunFinished, FormattableString.Invariant($"Collection run {lastFinished?.Id} finished: {lastFinished?.Status}")),
            _ when repository is null => (TroubleResolution.NoLongerTracked, "The repository is no longer tracked"),
            TroubleKind.AtRisk or TroubleKind.LosingDays => (TroubleResolution.ReadAgain,
                FormattableString.Invariant($"{repository.FullName} was read successfully on {repository.LastDailyReadOn:yyyy-MM-dd}")),
            _ when repository.LastStatus == "ok" => (TroubleResolution.Collected, $"{repository.FullName} was collected successfully"),
            _ => (TroubleResolution.OtherStatus, $"{repository.FullName}: the last collection ended with \"{repository.LastStatus}\" instead"),
        };
        var named = repository is null ? null : Named(repository, baseUrl);

        // The English resolution stays in the payload for webhooks and logs; messages say it from the data below.
        return new TroubleResolvedPayload(condition.Key, kind, condition.Summary, condition.OpenedAt, now, resolution, named,
            TroubleText.Link(kind, named, baseUrl, tenantSlug), reason,
            kind == TroubleKind.RunFailed ? lastFinished?.Id : null,
            kind == TroubleKind.RunFailed ? lastFinished?.Status.ToString() : null,
            reason == TroubleResolution.ReadAgain ? repository?.LastDailyReadOn : null,
            reason == TroubleResolution.OtherStatus ? repository?.LastStatus : null);
    }

    private static EventRepository Named(TrackedRepository repository, Uri? baseUrl) =>
        new(repository.Id, repository.FullName, AppLinks.Repository(baseUrl, repository.Id));

    private static string Count(int count, string noun = "repository") =>
        FormattableString.Invariant($"{count} {(count == 1 ? noun : noun == "repository" ? "repositories" : noun + "s")}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection trouble in tenant {Tenant} started: {Condition}: {Summary}")]
    private static partial void LogStarted(ILogger logger, string tenant, string condition, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection trouble in tenant {Tenant} cleared: {Condition}: {Resolution}")]
    private static partial void LogResolved(ILogger logger, string tenant, string condition, string resolution);
}
