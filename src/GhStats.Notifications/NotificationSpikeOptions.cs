namespace GhStats.Notifications;

/// <summary>Traffic spike detection, bound from <c>GhStats:Notifications:Spike</c>.</summary>
public sealed class NotificationSpikeOptions
{
    /// <summary>A day's views count as a spike at this many times the repository's baseline over <see cref="BaselineDays"/>. Default 3.0.</summary>
    public double Factor { get; set; } = 3.0;

    /// <summary>Fewer views than this on a day are never a spike, whatever the baseline. Default 50.</summary>
    public int Floor { get; set; } = 50;

    /// <summary>The days before the day looked at that make its baseline. Default 28.</summary>
    public int BaselineDays { get; set; } = 28;
}
