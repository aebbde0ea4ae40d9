namespace GhStats.Domain;

/// <summary>What started a collection run.</summary>
public enum CollectionTrigger
{
    /// <summary>An external scheduler called the cron endpoint.</summary>
    Cron = 1,

    /// <summary>The in-process schedule.</summary>
    Schedule = 2,

    /// <summary>A person asked for it.</summary>
    Manual = 3,
}
