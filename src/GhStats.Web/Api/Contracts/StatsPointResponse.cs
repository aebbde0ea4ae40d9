namespace GhStats.Web.Api.Contracts;

/// <summary>A repository's figures as collected on a day.</summary>
internal sealed record StatsPointResponse(DateOnly Date, int Stars, int Forks, int Watchers, int OpenIssues, long SizeKb);
