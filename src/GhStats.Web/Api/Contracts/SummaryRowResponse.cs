namespace GhStats.Web.Api.Contracts;

/// <summary>A repository's totals for the range and its latest figures.</summary>
internal sealed record SummaryRowResponse(long RepoId, string Tenant, string FullName, long Views, long Clones, long PeakDailyUniqueViews, long PeakDailyUniqueClones, int DaysWithData, int? Stars, int? Forks, DateTimeOffset? LastCollectedAt, string? LastStatus);
