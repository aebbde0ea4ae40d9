namespace GhStats.Web.Api.Contracts;

/// <summary>
/// A repository's star history before tracking, backfilled from GitHub's stargazers list; collected stars from tracking on
/// are in <c>/stats</c>.
/// </summary>
/// <param name="RepoId">The repository.</param>
/// <param name="From">The range's first day.</param>
/// <param name="To">The range's last day.</param>
/// <param name="State">The backfill: notStarted, inProgress, complete, or limited (GitHub refused the rest of the list).</param>
/// <param name="LowerBound">Always true: people who unstarred are missing from GitHub's list, so every backfilled count is a lower bound.</param>
/// <param name="SeriesStart">The day of the oldest star read, where the backfilled series starts; null before any.</param>
/// <param name="KnownThrough">Unless complete, the day of the newest star read: the series is not known after it until tracking.</param>
/// <param name="TrackingFrom">The first day stars were collected; the backfill stops the day before.</param>
/// <param name="StarsRead">Stargazers read from GitHub's list so far.</param>
/// <param name="LimitReason">What GitHub answered when it limited the list; null unless limited.</param>
/// <param name="Points">One point a day of the range that the backfill knows, each with its source ("backfill").</param>
internal sealed record StarHistoryResponse(
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
    IReadOnlyList<StarHistoryPointResponse> Points);
