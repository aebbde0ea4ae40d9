namespace GhStats.Web.Api.Contracts;

/// <summary>One repository's points and the baseline its normalised values are divided by.</summary>
internal sealed record CompareSeriesResponse(long RepoId, string FullName, CompareBaselineResponse Baseline, IReadOnlyList<ComparePointResponse> Points);
