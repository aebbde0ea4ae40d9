namespace GhStats.Client.Models;

/// <summary>A repository a tenant tracks, and its last collection.</summary>
/// <param name="Id">The repository's id in GhStats, used by the traffic routes.</param>
/// <param name="Tenant">The slug of the tenant that tracks it.</param>
/// <param name="FullName">owner/name on GitHub.</param>
/// <param name="Owner">The GitHub owner (user or organisation).</param>
/// <param name="Name">The repository's name.</param>
/// <param name="ConnectionId">The connection it is collected through; null for the tenant's default.</param>
/// <param name="AddedAt">When tracking started (UTC).</param>
/// <param name="RemovedAt">When tracking stopped (UTC), if it did.</param>
/// <param name="LastCollectedAt">When it was last collected (UTC).</param>
/// <param name="LastStatus">How the last collection went, e.g. <c>ok</c>, or the kind of failure.</param>
/// <param name="Horizon">Its data-loss horizon.</param>
/// <param name="BadgesEnabled">Whether its traffic badges are served without sign-in.</param>
public sealed record TrackedRepository(
    long Id,
    string Tenant,
    string FullName,
    string Owner,
    string Name,
    long? ConnectionId,
    DateTimeOffset AddedAt,
    DateTimeOffset? RemovedAt,
    DateTimeOffset? LastCollectedAt,
    string? LastStatus,
    RepositoryHorizon? Horizon = null,
    bool BadgesEnabled = false);
