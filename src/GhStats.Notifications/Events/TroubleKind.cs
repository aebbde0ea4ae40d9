namespace GhStats.Notifications.Events;

/// <summary>A kind of collection trouble; its condition key names it (<see cref="TroubleConditionKeys"/>).</summary>
internal enum TroubleKind
{
    /// <summary>GitHub refused a connection's credentials (401): <c>connection:{id}:unauthorized</c>.</summary>
    ConnectionUnauthorized = 1,

    /// <summary>The token has no push access to a repository: <c>repo:{id}:no_push_access</c>.</summary>
    NoPushAccess = 2,

    /// <summary>GitHub answers 404 for a repository: <c>repo:{id}:not_found</c>.</summary>
    NotFound = 3,

    /// <summary>No successful daily read for <c>Coverage:AtRiskAfterDays</c> days: <c>repo:{id}:at_risk</c>.</summary>
    AtRisk = 4,

    /// <summary>No successful daily read for 14 days or more: days fall out of GitHub's window. <c>repo:{id}:losing_days</c>.</summary>
    LosingDays = 5,

    /// <summary>The latest finished collection run covering the tenant failed as a whole: <c>runs:failed</c>.</summary>
    RunFailed = 6,
}
