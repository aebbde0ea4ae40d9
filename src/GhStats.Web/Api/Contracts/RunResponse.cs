namespace GhStats.Web.Api.Contracts;

/// <summary>A collection run and, for a single run, its errors.</summary>
internal sealed record RunResponse(long Id, string Trigger, string? RequestedBy, long? TenantId, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Status, int ReposTotal, int ReposOk, int ReposFailed, int ApiCalls, int? RateLimitRemaining, IReadOnlyList<RunErrorResponse>? Errors);
