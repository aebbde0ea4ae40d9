namespace GhStats.Domain;

/// <summary>
/// A GitHub user or organisation whose repositories a tenant tracks as a whole: each collection run lists the owner's
/// repositories and starts tracking new ones that pass the filters.
/// </summary>
/// <param name="Id">Store-assigned identifier.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="ConnectionId">The GitHub connection to list and read with, if set.</param>
/// <param name="Owner">The user or organisation login.</param>
/// <param name="Include">Comma-separated name patterns ('*' and '?') a repository must match, or null for all.</param>
/// <param name="Exclude">Comma-separated name patterns that leave a repository out, or null for none.</param>
/// <param name="SkipForks">Leave forks out.</param>
/// <param name="SkipArchived">Leave archived repositories out.</param>
/// <param name="AddedAt">When tracking started (UTC).</param>
public sealed record TrackedOwner(
    long Id,
    long TenantId,
    long? ConnectionId,
    string Owner,
    string? Include,
    string? Exclude,
    bool SkipForks,
    bool SkipArchived,
    DateTimeOffset AddedAt);
