namespace GhStats.Client.Models;

/// <summary>A tenant's collection plan: what each GitHub connection's budget keeps fresh, and what the next UTC day asks of it.</summary>
/// <param name="PlannedAt">When the server worked it out (UTC).</param>
/// <param name="RunsPerDay">Runs a day the plan counts with (at least one).</param>
/// <param name="RunsPerDaySource">Where that figure comes from (see <see cref="RunsPerDaySources"/>).</param>
/// <param name="NextDay">The next UTC day, the one <see cref="ConnectionPlan.NextDayCalls"/> is for.</param>
/// <param name="NextDayReadsWeekly">Whether the next day starts an ISO week, when GitHub's weekly figures are read too.</param>
/// <param name="RepositoriesWithoutConnection">Tracked repositories no connection of the tenant can collect.</param>
/// <param name="Connections">One plan per connection.</param>
public sealed record CollectionPlan(
    DateTimeOffset PlannedAt,
    int RunsPerDay,
    string RunsPerDaySource,
    DateOnly NextDay,
    bool NextDayReadsWeekly,
    int RepositoriesWithoutConnection,
    IReadOnlyList<ConnectionPlan> Connections);
