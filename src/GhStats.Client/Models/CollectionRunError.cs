namespace GhStats.Client.Models;

/// <summary>Why a repository failed in a run.</summary>
/// <param name="RepoId">The repository, if the error concerns one.</param>
/// <param name="Repository">owner/name of that repository.</param>
/// <param name="Kind">The kind of failure, e.g. <c>noPushAccess</c>, <c>notFound</c>, <c>rateLimited</c>.</param>
/// <param name="Message">What went wrong.</param>
/// <param name="OccurredAt">When it happened (UTC).</param>
public sealed record CollectionRunError(long? RepoId, string? Repository, string Kind, string Message, DateTimeOffset OccurredAt);
