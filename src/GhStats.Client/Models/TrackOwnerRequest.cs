namespace GhStats.Client.Models;

/// <summary>Tracks every repository of a GitHub user or organisation in a tenant (its owners); each collection adds new ones that pass the filters.</summary>
/// <param name="Owner">The user or organisation login.</param>
/// <param name="ConnectionId">The connection to list and read through; null for the tenant's default.</param>
/// <param name="Include">Comma-separated name patterns ('*', '?') a repository must match; null for all.</param>
/// <param name="Exclude">Comma-separated name patterns that leave a repository out; null for none.</param>
/// <param name="SkipForks">Leave forks out (the server's default is true).</param>
/// <param name="SkipArchived">Leave archived repositories out (the server's default is true).</param>
public sealed record TrackOwnerRequest(
    string Owner,
    long? ConnectionId = null,
    string? Include = null,
    string? Exclude = null,
    bool? SkipForks = null,
    bool? SkipArchived = null);
