namespace GhStats.Web.Api.Contracts;

/// <summary>
/// Tracks every repository of a GitHub user or organisation: name patterns to include and exclude (comma-separated, '*'
/// and '?'), and whether to leave forks and archived repositories out (both true unless set).
/// </summary>
internal sealed record TrackOwnerRequest(string? Owner, long? ConnectionId, string? Include, string? Exclude, bool? SkipForks, bool? SkipArchived);
