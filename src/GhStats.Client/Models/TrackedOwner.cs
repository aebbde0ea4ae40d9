namespace GhStats.Client.Models;

/// <summary>A GitHub user or organisation whose repositories a tenant tracks as a whole.</summary>
/// <param name="Id">The tracked owner's id.</param>
/// <param name="Owner">The user or organisation login.</param>
/// <param name="ConnectionId">The connection it is listed and read through; null for the tenant's default.</param>
/// <param name="Include">Comma-separated name patterns ('*', '?') a repository must match; null for all.</param>
/// <param name="Exclude">Comma-separated name patterns that leave a repository out; null for none.</param>
/// <param name="SkipForks">Whether forks are left out.</param>
/// <param name="SkipArchived">Whether archived repositories are left out.</param>
/// <param name="AddedAt">When tracking started (UTC).</param>
public sealed record TrackedOwner(
    long Id,
    string Owner,
    long? ConnectionId,
    string? Include,
    string? Exclude,
    bool SkipForks,
    bool SkipArchived,
    DateTimeOffset AddedAt);
