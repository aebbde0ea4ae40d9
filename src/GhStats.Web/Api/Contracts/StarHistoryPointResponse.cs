namespace GhStats.Web.Api.Contracts;

/// <summary>A repository's stars at the end of a day, and where the figure comes from ("backfill": GitHub's stargazers list).</summary>
internal sealed record StarHistoryPointResponse(DateOnly Date, int Stars, string Source);
