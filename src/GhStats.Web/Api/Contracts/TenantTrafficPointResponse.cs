namespace GhStats.Web.Api.Contracts;

/// <summary>
/// One period of a tenant. <c>repositoryDays</c> is repositories × days, <c>knownRepositoryDays</c> how many of them a
/// read covered (per day: how many repositories are known that day). Views and clones sum the known ones (null when
/// none is known); <c>uniqueViewsAtLeast</c> and <c>uniqueClonesAtLeast</c> are the largest single repository's daily
/// figure: at least that many people, since visitors of different repositories and days may be the same people.
/// </summary>
internal sealed record TenantTrafficPointResponse(
    DateOnly Date, string Coverage, int RepositoryDays, int KnownRepositoryDays, int PartialRepositoryDays,
    long? Views, long? Clones, long? UniqueViewsAtLeast, long? UniqueClonesAtLeast);
