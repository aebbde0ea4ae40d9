using System.Diagnostics.Metrics;
using GhStats.Domain;

namespace GhStats.Diagnostics;

/// <summary>
/// GhStats' instruments on the meter named <see cref="GhStatsTelemetry.Name"/>. Registered by <c>AddGhStats()</c>; every
/// package records through it, so the names below are the whole list (README, "Operate it").
/// </summary>
public sealed class GhStatsMetrics : IDisposable
{
    private readonly Meter? _ownMeter;
    private readonly Counter<long> _runsStarted;
    private readonly Counter<long> _runsFinished;
    private readonly Histogram<double> _runDuration;
    private readonly Counter<long> _repositories;
    private readonly Counter<long> _gitHubCalls;
    private readonly Histogram<double> _gitHubCallDuration;
    private readonly Gauge<int> _rateLimitRemaining;
    private readonly Counter<long> _leasesLost;
    private readonly Counter<long> _mergedRows;
    private readonly Histogram<double> _mergeDuration;
    private readonly Counter<long> _cacheLookups;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _deliveryDuration;
    private readonly Counter<long> _eventsRaised;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or on a meter of its own without one.</summary>
    /// <param name="meterFactory">The host's meter factory (the generic host registers one); null makes a meter this object owns.</param>
    public GhStatsMetrics(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(GhStatsTelemetry.Name) ?? (_ownMeter = new Meter(GhStatsTelemetry.Name));
        _runsStarted = meter.CreateCounter<long>("ghstats.collection.runs.started", "{run}", "Collection runs started, by trigger.");
        _runsFinished = meter.CreateCounter<long>("ghstats.collection.runs.finished", "{run}", "Collection runs finished, by status.");
        _runDuration = meter.CreateHistogram<double>("ghstats.collection.run.duration", "s", "How long collection runs took, by status.");
        _repositories = meter.CreateCounter<long>("ghstats.collection.repositories", "{repository}", "Repositories collected, by outcome (ok, failed) and failure kind.");
        _gitHubCalls = meter.CreateCounter<long>("ghstats.github.calls", "{call}", "Requests to GitHub's API, by endpoint and HTTP status.");
        _gitHubCallDuration = meter.CreateHistogram<double>("ghstats.github.call.duration", "s", "Duration of requests to GitHub's API, by endpoint.");
        _rateLimitRemaining = meter.CreateGauge<int>("ghstats.github.rate_limit.remaining", "{call}", "GitHub's X-RateLimit-Remaining, per connection.");
        _leasesLost = meter.CreateCounter<long>("ghstats.collection.leases.lost", "{lease}", "Collection leases lost to another process while a run held them.");
        _mergedRows = meter.CreateCounter<long>("ghstats.store.merge.rows", "{row}", "Rows merged into the store, by table.");
        _mergeDuration = meter.CreateHistogram<double>("ghstats.store.merge.duration", "s", "Duration of store merges, by table.");
        _cacheLookups = meter.CreateCounter<long>("ghstats.cache.lookups", "{lookup}", "Cache lookups, by cache and result (hit, miss).");
        _requests = meter.CreateCounter<long>("ghstats.http.requests", "{request}", "Requests GhStats answered, by route template, method and status.");
        _deliveries = meter.CreateCounter<long>("ghstats.notifications.deliveries", "{delivery}", "Notification deliveries, by channel kind and outcome.");
        _deliveryDuration = meter.CreateHistogram<double>("ghstats.notifications.delivery.duration", "s", "How long notification delivery attempts took, by channel kind and outcome.");
        _eventsRaised = meter.CreateCounter<long>("ghstats.notifications.events", "{event}", "Notification events raised (written to the outbox once), by kind.");
    }

    /// <summary>A collection run started.</summary>
    /// <param name="trigger">What started it.</param>
    public void RunStarted(CollectionTrigger trigger) =>
        _runsStarted.Add(1, new KeyValuePair<string, object?>("trigger", Lower(trigger)));

    /// <summary>A collection run ended.</summary>
    /// <param name="status">How it ended.</param>
    /// <param name="duration">How long it ran.</param>
    public void RunFinished(CollectionRunStatus status, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("status", Lower(status));
        _runsFinished.Add(1, tag);
        _runDuration.Record(duration.TotalSeconds, tag);
    }

    /// <summary>A repository was collected.</summary>
    public void RepositoryCollected() =>
        _repositories.Add(1, new KeyValuePair<string, object?>("outcome", "ok"));

    /// <summary>A repository could not be collected.</summary>
    /// <param name="kind">Why.</param>
    public void RepositoryFailed(CollectionErrorKind kind) =>
        _repositories.Add(1, new KeyValuePair<string, object?>("outcome", "failed"), new KeyValuePair<string, object?>("kind", Lower(kind)));

    /// <summary>A request to GitHub ended.</summary>
    /// <param name="endpoint">The endpoint's template, e.g. <c>/repos/{owner}/{repo}/traffic/views</c>: never a concrete path.</param>
    /// <param name="status">The HTTP status, or 0 when no response came.</param>
    /// <param name="duration">How long it took.</param>
    public void GitHubCall(string endpoint, int status, TimeSpan duration)
    {
        var endpointTag = new KeyValuePair<string, object?>("endpoint", endpoint);
        _gitHubCalls.Add(1, endpointTag, new KeyValuePair<string, object?>("status", status));
        _gitHubCallDuration.Record(duration.TotalSeconds, endpointTag);
    }

    /// <summary>GitHub reported how many requests a connection has left.</summary>
    /// <param name="connectionId">The GitHub connection.</param>
    /// <param name="remaining">X-RateLimit-Remaining.</param>
    public void RateLimitRemaining(long connectionId, int remaining) =>
        _rateLimitRemaining.Record(remaining, new KeyValuePair<string, object?>("connection", connectionId));

    /// <summary>A run lost its collection lease.</summary>
    public void LeaseLost() => _leasesLost.Add(1);

    /// <summary>The store merged rows into a table.</summary>
    /// <param name="table">The table, e.g. <c>traffic_daily</c>.</param>
    /// <param name="rows">How many rows were merged.</param>
    /// <param name="duration">How long the merge took.</param>
    public void Merged(string table, int rows, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("table", table);
        _mergedRows.Add(rows, tag);
        _mergeDuration.Record(duration.TotalSeconds, tag);
    }

    /// <summary>A cache was asked.</summary>
    /// <param name="cache">Which cache, e.g. <c>traffic</c> or <c>access</c>.</param>
    /// <param name="hit">Whether it had the answer.</param>
    public void CacheLookup(string cache, bool hit) =>
        _cacheLookups.Add(1, new KeyValuePair<string, object?>("cache", cache), new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    /// <summary>GhStats answered a request.</summary>
    /// <param name="route">The route template, e.g. <c>/api/v1/repos/{id}/traffic</c>.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="status">The response status.</param>
    public void Request(string route, string method, int status) =>
        _requests.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("status", status));

    /// <summary>A notification delivery ended.</summary>
    /// <param name="channelKind">The channel kind, e.g. <c>webhook</c>, <c>slack</c> or <c>email</c>.</param>
    /// <param name="outcome">e.g. <c>delivered</c>, <c>retrying</c> or <c>failed</c>.</param>
    public void Delivery(string channelKind, string outcome) =>
        _deliveries.Add(1, new KeyValuePair<string, object?>("channel", channelKind), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A notification delivery attempt ended, after <paramref name="duration"/>.</summary>
    /// <param name="channelKind">The channel kind, e.g. <c>webhook</c>, <c>slack</c> or <c>email</c>.</param>
    /// <param name="outcome">e.g. <c>delivered</c>, <c>retrying</c> or <c>failed</c>.</param>
    /// <param name="duration">How long the attempt took, resolving the destination and rendering included.</param>
    public void Delivery(string channelKind, string outcome, TimeSpan duration)
    {
        var channel = new KeyValuePair<string, object?>("channel", channelKind);
        var result = new KeyValuePair<string, object?>("outcome", outcome);
        _deliveries.Add(1, channel, result);
        _deliveryDuration.Record(duration.TotalSeconds, channel, result);
    }

    /// <summary>A notification event was raised: recorded with its outbox messages (a key raised before counts nothing).</summary>
    /// <param name="kind">The event kind, e.g. <c>digest.weekly</c>, <c>traffic.spike</c>, <c>trouble.started</c>.</param>
    public void NotificationRaised(string kind) =>
        _eventsRaised.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <inheritdoc />
    public void Dispose() => _ownMeter?.Dispose();

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
