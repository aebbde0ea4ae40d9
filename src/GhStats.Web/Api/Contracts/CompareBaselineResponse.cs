namespace GhStats.Web.Api.Contracts;

/// <summary>
/// The mean of a repository's first known week in the range. <c>state</c>: "known" (mean above 0), "zero" (known, but
/// 0: normalised values are null) or "unknown" (nothing of the range known: normalised values are null).
/// </summary>
internal sealed record CompareBaselineResponse(string State, DateOnly? From, DateOnly? To, double? Mean, int Points);
