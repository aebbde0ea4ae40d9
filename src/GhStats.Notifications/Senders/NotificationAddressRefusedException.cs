namespace GhStats.Notifications.Senders;

/// <summary>A webhook or Slack host resolved only to addresses GhStats does not call (private, loopback, metadata).</summary>
internal sealed class NotificationAddressRefusedException : Exception
{
    public NotificationAddressRefusedException()
    {
    }

    public NotificationAddressRefusedException(string message)
        : base(message)
    {
    }

    public NotificationAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
