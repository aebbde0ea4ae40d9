namespace GhStats.Testing.GitHub;

/// <summary>
/// Views and clones of one day or one week (<see cref="Start"/> is the day, or the Monday the week starts on).
/// Uniques never exceed their counts.
/// </summary>
public sealed record SimulatedTraffic(DateOnly Start, int Views, int UniqueViews, int Clones, int UniqueClones);
