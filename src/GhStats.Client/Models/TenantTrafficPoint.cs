namespace GhStats.Client.Models;

/// <summary>One period of a tenant: views and clones summed; unique counts never summed, only the busiest repository day.</summary>
/// <param name="Date">The period's first day.</param>
/// <param name="Coverage"><c>complete</c>, <c>partial</c> or <c>notCollected</c>.</param>
/// <param name="RepositoryDays">Repositories × days.</param>
/// <param name="KnownRepositoryDays">How many of them a read covered.</param>
/// <param name="PartialRepositoryDays">How many of those were cut short.</param>
/// <param name="Views">Views of the known repository days; null when none is known.</param>
/// <param name="Clones">Clones of the known repository days; null when none is known.</param>
/// <param name="UniqueViewsAtLeast">The largest single repository's daily unique visitors: a lower bound.</param>
/// <param name="UniqueClonesAtLeast">The largest single repository's daily unique cloners: a lower bound.</param>
public sealed record TenantTrafficPoint(
    DateOnly Date, string Coverage, int RepositoryDays, int KnownRepositoryDays, int PartialRepositoryDays,
    long? Views, long? Clones, long? UniqueViewsAtLeast, long? UniqueClonesAtLeast);
