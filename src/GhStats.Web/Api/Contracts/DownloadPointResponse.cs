namespace GhStats.Web.Api.Contracts;

/// <summary>A day's downloads, in total and per release (by GitHub release id; releases without downloads left out).</summary>
internal sealed record DownloadPointResponse(DateOnly Date, bool Read, long? Downloads, int Days, IReadOnlyList<ReleaseDayResponse> Releases);
