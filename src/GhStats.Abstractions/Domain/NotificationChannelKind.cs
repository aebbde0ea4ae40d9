namespace GhStats.Domain;

/// <summary>Where a notification channel delivers.</summary>
public enum NotificationChannelKind
{
    /// <summary>An HTTPS endpoint that receives JSON signed with HMAC-SHA256 over a timestamp and the body.</summary>
    Webhook = 1,

    /// <summary>A Slack incoming webhook that receives Block Kit messages.</summary>
    Slack = 2,

    /// <summary>Email over the SMTP server set in configuration, to the channel's recipients.</summary>
    Email = 3,
}
