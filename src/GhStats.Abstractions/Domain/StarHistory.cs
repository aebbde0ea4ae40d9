namespace GhStats.Domain;

/// <summary>A repository's backfilled star history before tracking started, over a range.</summary>
/// <param name="RepositoryId">The tracked repository.</param>
/// <param name="Backfill">The backfill's state; null when it has not started.</param>
/// <param name="TrackingFrom">The first UTC day GhStats read the repository's counters; null before any.</param>
/// <param name="Days">
/// One entry for every day of the range that the backfill knows and tracking does not: from the oldest star read, before
/// <paramref name="TrackingFrom"/>, and (unless the backfill is complete) up to <see cref="StarBackfill.KnownThrough"/>.
/// </param>
public sealed record StarHistory(long RepositoryId, StarBackfill? Backfill, DateOnly? TrackingFrom, IReadOnlyList<StarHistoryDay> Days);
