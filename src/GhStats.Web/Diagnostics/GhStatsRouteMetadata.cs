namespace GhStats.Web.Diagnostics;

/// <summary>Marks an endpoint as GhStats', with its route template relative to the prefix, for <c>ghstats.http.requests</c>.</summary>
/// <param name="Template">e.g. <c>/api/v1/repos/{id:long}/traffic</c>: the same wherever GhStats is mounted, never a concrete path.</param>
internal sealed record GhStatsRouteMetadata(string Template);
