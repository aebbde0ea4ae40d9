namespace GhStats.Web.Api.Contracts;

/// <summary>Why a repository failed in a run.</summary>
internal sealed record RunErrorResponse(long? RepoId, string? Repository, string Kind, string Message, DateTimeOffset OccurredAt);
