namespace GhStats.Domain;

/// <summary>One collection across all tenants or one, with its progress and outcome.</summary>
/// <param name="Id">Store-assigned identifier.</param>
/// <param name="Trigger">What started it.</param>
/// <param name="RequestedBy">Who asked (a user's email, "cron", "schedule").</param>
/// <param name="TenantId">The one tenant it covers, or null for all.</param>
/// <param name="StartedAt">Start (UTC).</param>
/// <param name="FinishedAt">End (UTC), once finished.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="ReposTotal">Repositories to collect.</param>
/// <param name="ReposOk">Repositories collected.</param>
/// <param name="ReposFailed">Repositories that failed.</param>
/// <param name="ApiCalls">GitHub API calls made.</param>
/// <param name="RateLimitRemaining">The primary rate limit left at the last call, when known.</param>
public sealed record CollectionRun(
    long Id,
    CollectionTrigger Trigger,
    string? RequestedBy,
    long? TenantId,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    CollectionRunStatus Status,
    int ReposTotal,
    int ReposOk,
    int ReposFailed,
    int ApiCalls,
    int? RateLimitRemaining)
{
    /// <summary>Repositories done (collected or failed) so far.</summary>
    public int ReposDone => ReposOk + ReposFailed;
}
