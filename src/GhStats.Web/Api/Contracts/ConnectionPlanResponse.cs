namespace GhStats.Web.Api.Contracts;

/// <summary>
/// One connection's budget and what it covers, worst case (every answer changed; a 304 is not charged): its repositories,
/// its hourly limit (observed, or 5,000 assumed), REST calls per repository a day at the current runs a day, how many
/// repositories it keeps at hourly and at daily freshness, the next day's calls against the day's budget, and the calls
/// its last finished lane made.
/// </summary>
internal sealed record ConnectionPlanResponse(
    long ConnectionId,
    string Name,
    int Repositories,
    int HourlyLimit,
    bool HourlyLimitObserved,
    bool CountersByGraphQL,
    int CallsPerRepositoryPerDay,
    int HourlyCapacity,
    int DailyCapacity,
    long NextDayCalls,
    long DailyBudget,
    bool NextDayFits,
    int? LastRunCalls,
    DateTimeOffset? LastRunAt);
