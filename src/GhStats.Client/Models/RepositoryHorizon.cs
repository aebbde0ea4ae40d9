namespace GhStats.Client.Models;

/// <summary>A repository's data-loss horizon.</summary>
/// <param name="State"><c>fine</c>, <c>atRisk</c> or <c>losingDays</c> (see <see cref="HorizonState"/>).</param>
/// <param name="LastDailyReadOn">The UTC day of the last successful daily read; null when never read.</param>
/// <param name="DaysSinceRead">Days since that read, or since the repository was added when it was never read.</param>
public sealed record RepositoryHorizon(string State, DateOnly? LastDailyReadOn, int DaysSinceRead);
