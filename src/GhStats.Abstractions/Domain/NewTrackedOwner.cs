namespace GhStats.Domain;

/// <summary>What it takes to track every repository of an owner.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Owner">The user or organisation login.</param>
/// <param name="ConnectionId">The tenant's GitHub connection to use, if any.</param>
/// <param name="Include">Comma-separated name patterns ('*' and '?') a repository must match, or null for all.</param>
/// <param name="Exclude">Comma-separated name patterns that leave a repository out, or null for none.</param>
/// <param name="SkipForks">Leave forks out.</param>
/// <param name="SkipArchived">Leave archived repositories out.</param>
public sealed record NewTrackedOwner(
    long TenantId,
    string Owner,
    long? ConnectionId = null,
    string? Include = null,
    string? Exclude = null,
    bool SkipForks = true,
    bool SkipArchived = true);
