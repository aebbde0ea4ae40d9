namespace GhStats.Domain;

/// <summary>
/// One repository's history brought in from another tool: days with the coverage that tool proves, and its dated
/// referrer and path snapshots.
/// </summary>
/// <param name="RepositoryId">The tracked (or history-only) repository it belongs to.</param>
/// <param name="Days">The days; each of this repository, none <see cref="DayCoverage.NotCollected"/>.</param>
/// <param name="Referrers">Referrer snapshots of this repository, with their capture days.</param>
/// <param name="Paths">Popular-path snapshots of this repository, with their capture days.</param>
public sealed record ImportedHistory(
    long RepositoryId,
    IReadOnlyCollection<CoveredTrafficDay> Days,
    IReadOnlyCollection<ReferrerSnapshot> Referrers,
    IReadOnlyCollection<PathSnapshot> Paths);
