namespace GhStats.Notifications;

/// <summary>The weekly digest, bound from <c>GhStats:Notifications:Digest</c>.</summary>
public sealed class NotificationDigestOptions
{
    /// <summary>The hour (UTC, 0 to 23) on Monday from which the previous ISO week's digest is sent. Default 6.</summary>
    public int HourUtc { get; set; } = 6;
}
