namespace GhStats.Client.Models;

/// <summary>A collection run: what started it, how far it got, and for a single run, each repository's error.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="Trigger"><c>cron</c>, <c>schedule</c> or <c>manual</c>.</param>
/// <param name="RequestedBy">Who or what started it.</param>
/// <param name="TenantId">The tenant it covers; null for all.</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="FinishedAt">When it finished (UTC); null while it runs.</param>
/// <param name="Status"><c>running</c>, <c>succeeded</c>, <c>completedWithErrors</c>, <c>failed</c>, <c>cancelled</c>, <c>abandoned</c>, or <c>queued</c> (waiting for a worker process).</param>
/// <param name="ReposTotal">Repositories to collect.</param>
/// <param name="ReposOk">Repositories collected.</param>
/// <param name="ReposFailed">Repositories that failed.</param>
/// <param name="ApiCalls">GitHub API calls made.</param>
/// <param name="RateLimitRemaining">GitHub's remaining rate limit as last seen.</param>
/// <param name="Errors">Each failed repository's error, for a single run; null in lists.</param>
public sealed record CollectionRun(
    long Id,
    string Trigger,
    string? RequestedBy,
    long? TenantId,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Status,
    int ReposTotal,
    int ReposOk,
    int ReposFailed,
    int ApiCalls,
    int? RateLimitRemaining,
    IReadOnlyList<CollectionRunError>? Errors);
