namespace GhStats.Domain;

/// <summary>A GitHub repository a tenant tracks.</summary>
/// <param name="Id">Store-assigned identifier.</param>
/// <param name="TenantId">The owning tenant.</param>
/// <param name="ConnectionId">The GitHub connection used to read it, if set.</param>
/// <param name="Owner">The user or organisation on GitHub.</param>
/// <param name="Name">The repository name on GitHub.</param>
/// <param name="GitHubId">GitHub's numeric id, once known.</param>
/// <param name="AddedAt">When tracking started (UTC).</param>
/// <param name="RemovedAt">When tracking stopped (UTC); its data stays unless purged.</param>
/// <param name="LastCollectedAt">The last collection attempt (UTC).</param>
/// <param name="LastStatus">The outcome of the last collection attempt ("ok" or an error kind).</param>
/// <param name="WeeklyCollectedOn">The UTC day GitHub's weekly figures were last read; they are read once a week.</param>
/// <param name="LastDailyReadOn">The UTC day of the last successful read of daily views and clones (see <see cref="CollectionHorizon"/>).</param>
/// <param name="BadgesEnabled">Whether an Owner made its traffic badges public (served without sign-in).</param>
/// <param name="DailyCollectedOn">
/// The UTC day the once-a-day reads (counters, referrers, paths, releases) last succeeded; runs later that day read only
/// views and clones (and the weekly figures when due). Null: never, so the next run does them.
/// </param>
public sealed record TrackedRepository(
    long Id,
    long TenantId,
    long? ConnectionId,
    string Owner,
    string Name,
    long? GitHubId,
    DateTimeOffset AddedAt,
    DateTimeOffset? RemovedAt,
    DateTimeOffset? LastCollectedAt,
    string? LastStatus,
    DateOnly? WeeklyCollectedOn = null,
    DateOnly? LastDailyReadOn = null,
    bool BadgesEnabled = false,
    DateOnly? DailyCollectedOn = null)
{
    /// <summary>"owner/name", as GitHub writes it.</summary>
    public string FullName => $"{Owner}/{Name}";

    /// <summary>Whether the repository is still tracked.</summary>
    public bool IsActive => RemovedAt is null;
}
