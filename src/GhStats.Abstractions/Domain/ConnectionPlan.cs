namespace GhStats.Domain;

/// <summary>
/// One connection's budget and what it covers. The call figures are the worst case, every answer changed: a conditional
/// request GitHub answers with 304 is not charged, so a day usually costs less (<see cref="LastRunCalls"/> says what the
/// last run spent).
/// </summary>
/// <param name="ConnectionId">The connection.</param>
/// <param name="ConnectionName">Its display name.</param>
/// <param name="Repositories">Tracked repositories collected through it (its own, and for the tenant's first connection those that name none).</param>
/// <param name="HourlyLimit">The primary rate limit per hour (<c>X-RateLimit-Limit</c>).</param>
/// <param name="HourlyLimitObserved">True when GitHub sent <paramref name="HourlyLimit"/> in the connection's last finished lane; false when 5,000 is assumed.</param>
/// <param name="CountersByGraphQL">Whether repository counters are read in GraphQL batches, on GraphQL's own budget, instead of a REST call each.</param>
/// <param name="CallsPerRepositoryPerDay">REST calls one repository needs on an ordinary day at the plan's runs per day.</param>
/// <param name="HourlyCapacity">Repositories the day's budget keeps at hourly freshness (a run every hour), counting the weekly reads.</param>
/// <param name="DailyCapacity">Repositories the day's budget keeps at daily freshness (one full read a day), counting the weekly reads.</param>
/// <param name="NextDayCalls">REST calls the next UTC day needs for <paramref name="Repositories"/> at the plan's runs per day.</param>
/// <param name="DailyBudget">REST calls the connection may make in a day: 24 times <paramref name="HourlyLimit"/>.</param>
/// <param name="NextDayFits">Whether <paramref name="NextDayCalls"/> stays within <paramref name="DailyBudget"/>.</param>
/// <param name="LastRunCalls">Calls the connection's last finished lane made (304s included), when known.</param>
/// <param name="LastRunAt">When that lane finished (UTC), when known.</param>
public sealed record ConnectionPlan(
    long ConnectionId,
    string ConnectionName,
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
