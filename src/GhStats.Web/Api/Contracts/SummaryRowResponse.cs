namespace GhStats.Web.Api.Contracts;

/// <summary>A repository's totals for the range (with how many of its days are known and partial), its latest figures, its data-loss horizon and the change against the period before.</summary>
internal sealed record SummaryRowResponse(long RepoId, string Tenant, string FullName, long Views, long Clones, long PeakDailyUniqueViews, long PeakDailyUniqueClones, int DaysWithData, int? Stars, int? Forks, DateTimeOffset? LastCollectedAt, string? LastStatus, int Days, int KnownDays, int PartialDays, HorizonResponse Horizon, PreviousPeriodResponse? Previous = null);
