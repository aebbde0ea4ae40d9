namespace GhStats.Domain;

/// <summary>One repository's release history brought back from an archive: releases, asset download snapshots and read days.</summary>
/// <param name="RepositoryId">The repository it belongs to.</param>
/// <param name="Releases">Releases with the last day a read listed them.</param>
/// <param name="Assets">Asset download counts, one per asset and read day.</param>
/// <param name="ReadDays">The days the releases were read.</param>
public sealed record ReleaseHistory(
    long RepositoryId,
    IReadOnlyCollection<StoredRelease> Releases,
    IReadOnlyCollection<ReleaseAssetSnapshot> Assets,
    IReadOnlyCollection<ReleaseReadDay> ReadDays);
