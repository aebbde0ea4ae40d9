namespace GhStats.Notifications.Events;

/// <summary>One repository of a digest.</summary>
/// <param name="Rank">1 for the busiest.</param>
/// <param name="Repository">The repository.</param>
/// <param name="Views">Views that week.</param>
/// <param name="UniqueViews">GitHub's own unique visitors of that week, or null when its weekly figures were not collected.</param>
/// <param name="Clones">Clones that week.</param>
/// <param name="UniqueClones">GitHub's own unique cloners of that week, or null.</param>
/// <param name="PreviousViews">Views the week before.</param>
/// <param name="Change">Views minus the week before's.</param>
/// <param name="ChangePercent">The change in percent of the week before's views (one decimal), or null when that week had none.</param>
/// <param name="IsNew">True when the week before had no views (the change is "new").</param>
/// <param name="Days">Days of the week (7).</param>
/// <param name="KnownDays">Days of the week whose traffic was read (complete or partial).</param>
/// <param name="PartialDays">Days read only while cut short (e.g. Sunday read before it ended).</param>
internal sealed record DigestRepository(
    int Rank,
    EventRepository Repository,
    long Views,
    long? UniqueViews,
    long Clones,
    long? UniqueClones,
    long PreviousViews,
    long Change,
    double? ChangePercent,
    bool IsNew,
    int Days,
    int KnownDays,
    int PartialDays);
