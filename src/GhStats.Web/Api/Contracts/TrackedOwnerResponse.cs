namespace GhStats.Web.Api.Contracts;

/// <summary>An owner whose repositories the tenant tracks as a whole; each collection tracks its new repositories that pass the filters.</summary>
internal sealed record TrackedOwnerResponse(long Id, string Owner, long? ConnectionId, string? Include, string? Exclude, bool SkipForks, bool SkipArchived, DateTimeOffset AddedAt);
