namespace GhStats.Web.Api.Contracts;

/// <summary>A repository's totals for the range (with how many of its days are known and partial), its latest figures and its data-loss horizon.</summary>
internal sealed record SummaryRowResponse(long RepoId, string Tenant, string FullName, long Views, long Clones, long PeakDailyUniqueViews, long PeakDailyUniqueClones, int DaysWithData, int? Stars, int? Forks, DateTimeOffset? LastCollectedAt, string? LastStatus, int Days, int KnownDays, int PartialDays, HorizonResponse Horizon);
