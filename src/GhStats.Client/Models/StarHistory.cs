namespace GhStats.Client.Models;

/// <summary>A repository's star history before tracking, backfilled from GitHub's stargazers list.</summary>
/// <param name="RepoId">The repository.</param>
/// <param name="From">The first day of the range.</param>
/// <param name="To">The last day of the range.</param>
/// <param name="State">The backfill: notStarted, inProgress, complete, or limited (GitHub refused the rest of the list).</param>
/// <param name="LowerBound">Always true: people who unstarred are missing from GitHub's list.</param>
/// <param name="SeriesStart">The day of the oldest star read; null before any.</param>
/// <param name="KnownThrough">Unless complete, the day of the newest star read.</param>
/// <param name="TrackingFrom">The first day stars were collected; the backfill stops the day before.</param>
/// <param name="StarsRead">Stargazers read so far.</param>
/// <param name="LimitReason">What GitHub answered when it limited the list; null unless limited.</param>
/// <param name="Points">One point per backfilled day of the range.</param>
public sealed record StarHistory(
    long RepoId,
    DateOnly From,
    DateOnly To,
    string State,
    bool LowerBound,
    DateOnly? SeriesStart,
    DateOnly? KnownThrough,
    DateOnly? TrackingFrom,
    int StarsRead,
    string? LimitReason,
    IReadOnlyList<StarHistoryPoint> Points);
