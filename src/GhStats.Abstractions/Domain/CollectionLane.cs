namespace GhStats.Domain;

/// <summary>Where one lane of a run stands.</summary>
public enum CollectionLaneStatus
{
    /// <summary>Nobody has claimed it yet.</summary>
    Pending,

    /// <summary>A collector process holds it; once its lease lapses, another may claim it.</summary>
    Running,

    /// <summary>Every repository of the lane was collected, failed or deferred.</summary>
    Done,
}

/// <summary>A lane a run is made of: the repositories of one tenant that share a GitHub connection, and so its budget.</summary>
/// <param name="Key">The lane within its run, <c>{tenantId}:{connectionId}</c> (<c>{tenantId}:none</c> without a connection).</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="ConnectionId">The connection; null for a tenant without one.</param>
/// <param name="ReposTotal">Repositories in the lane when the run began.</param>
public sealed record CollectionLanePlan(string Key, long TenantId, long? ConnectionId, int ReposTotal);

/// <summary>What a lane's holder has done so far.</summary>
/// <param name="ReposOk">Repositories collected.</param>
/// <param name="ReposFailed">Repositories that failed.</param>
/// <param name="ReposDeferred">Repositories left for the next run because the connection's budget was spent.</param>
/// <param name="ApiCalls">GitHub calls made for the lane.</param>
/// <param name="RateLimit">The connection's hourly primary limit (<c>X-RateLimit-Limit</c>) last seen, when known.</param>
/// <param name="RateLimitRemaining">What was left of it at the last call, when known.</param>
/// <param name="DeferredBecause">Why repositories were deferred; null when none were.</param>
public sealed record CollectionLaneProgress(
    int ReposOk,
    int ReposFailed,
    int ReposDeferred,
    int ApiCalls,
    int? RateLimit,
    int? RateLimitRemaining,
    string? DeferredBecause = null)
{
    /// <summary>Repositories done: collected, failed or deferred.</summary>
    public int ReposDone => ReposOk + ReposFailed + ReposDeferred;
}

/// <summary>One lane of a run as stored: which process holds it, until when, and what it has done.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Key">The lane within its run (see <see cref="CollectionLanePlan.Key"/>).</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="ConnectionId">The connection; null for a tenant without one.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Holder">The process that holds or last held it.</param>
/// <param name="LeaseExpiresAt">When the holder's claim lapses unless renewed (UTC).</param>
/// <param name="ReposTotal">Repositories in the lane when the run began.</param>
/// <param name="Progress">What its holders have recorded.</param>
/// <param name="StartedAt">When it was first claimed (UTC).</param>
/// <param name="FinishedAt">When it was done (UTC).</param>
public sealed record CollectionLaneState(
    long RunId,
    string Key,
    long TenantId,
    long? ConnectionId,
    CollectionLaneStatus Status,
    string? Holder,
    DateTimeOffset? LeaseExpiresAt,
    int ReposTotal,
    CollectionLaneProgress Progress,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);
