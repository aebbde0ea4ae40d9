namespace GhStats.Client.Models;

/// <summary>
/// One connection's budget and what it covers, worst case: every answer changed (GitHub does not charge a 304, so a day
/// usually costs less; <see cref="LastRunCalls"/> says what the last run spent).
/// </summary>
/// <param name="ConnectionId">The connection.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Repositories">Tracked repositories collected through it.</param>
/// <param name="HourlyLimit">Its primary rate limit per hour.</param>
/// <param name="HourlyLimitObserved">True when GitHub sent it in the last finished run; false when 5,000 is assumed.</param>
/// <param name="CountersByGraphQL">Whether repository counters come in GraphQL batches, outside the REST budget.</param>
/// <param name="CallsPerRepositoryPerDay">REST calls a repository needs on an ordinary day at the plan's runs a day.</param>
/// <param name="HourlyCapacity">Repositories the day's budget keeps at hourly freshness.</param>
/// <param name="DailyCapacity">Repositories the day's budget keeps at daily freshness.</param>
/// <param name="NextDayCalls">REST calls the next UTC day needs.</param>
/// <param name="DailyBudget">REST calls the connection may make in a day (24 times the hourly limit).</param>
/// <param name="NextDayFits">Whether the next day's calls stay within the day's budget.</param>
/// <param name="LastRunCalls">Calls its last finished run made, when known.</param>
/// <param name="LastRunAt">When that run finished (UTC), when known.</param>
public sealed record ConnectionPlan(
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
