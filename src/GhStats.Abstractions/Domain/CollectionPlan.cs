namespace GhStats.Domain;

/// <summary>A tenant's collection plan: its connections' budgets against what the next UTC day's runs will ask of them.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="PlannedAt">When the plan was worked out (UTC).</param>
/// <param name="RunsPerDay">Runs a day the plan counts with (at least one).</param>
/// <param name="RunsPerDaySource">Where <paramref name="RunsPerDay"/> comes from.</param>
/// <param name="NextDay">The next UTC day, the one <see cref="ConnectionPlan.NextDayCalls"/> is for.</param>
/// <param name="NextDayReadsWeekly">Whether the next day starts an ISO week, when GitHub's weekly figures are read too.</param>
/// <param name="RepositoriesWithoutConnection">Tracked repositories no connection of the tenant can collect.</param>
/// <param name="Connections">One plan per connection, in the tenant's connection order.</param>
public sealed record CollectionPlan(
    long TenantId,
    DateTimeOffset PlannedAt,
    int RunsPerDay,
    RunsPerDaySource RunsPerDaySource,
    DateOnly NextDay,
    bool NextDayReadsWeekly,
    int RepositoriesWithoutConnection,
    IReadOnlyList<ConnectionPlan> Connections);
