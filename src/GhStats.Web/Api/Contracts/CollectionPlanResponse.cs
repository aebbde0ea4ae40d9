namespace GhStats.Web.Api.Contracts;

/// <summary>
/// A tenant's collection plan: runs a day (and where that figure comes from: schedule, recentRuns, assumed), the next UTC
/// day and whether it reads GitHub's weekly figures, repositories no connection can collect, and each connection's plan.
/// </summary>
internal sealed record CollectionPlanResponse(
    DateTimeOffset PlannedAt,
    int RunsPerDay,
    string RunsPerDaySource,
    DateOnly NextDay,
    bool NextDayReadsWeekly,
    int RepositoriesWithoutConnection,
    IReadOnlyList<ConnectionPlanResponse> Connections);
