namespace GhStats.Domain;

/// <summary>How far the backfill of a repository's star history has come.</summary>
/// <param name="RepositoryId">The tracked repository.</param>
/// <param name="State">Where the backfill stands.</param>
/// <param name="NextPage">The stargazers page (100 a page, 1 first) the next run reads; 0 once nothing more is read.</param>
/// <param name="StarsRead">Stargazers read so far (the list's oldest first).</param>
/// <param name="FirstStarOn">The UTC day of the oldest star read; null before any.</param>
/// <param name="KnownThrough">The UTC day of the newest star read: the history is known up to this day (through tracking once complete).</param>
/// <param name="LimitReason">What GitHub answered when it refused the rest of the list; null unless <see cref="StarBackfillState.Limited"/>.</param>
/// <param name="UpdatedAt">When the state last changed (UTC).</param>
public sealed record StarBackfill(
    long RepositoryId,
    StarBackfillState State,
    int NextPage,
    int StarsRead,
    DateOnly? FirstStarOn,
    DateOnly? KnownThrough,
    string? LimitReason,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Whether no further page will be read.</summary>
    public bool IsFinished => State is StarBackfillState.Complete or StarBackfillState.Limited;
}
