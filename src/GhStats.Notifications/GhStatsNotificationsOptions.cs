namespace GhStats.Notifications;

/// <summary>Notification settings, bound from <c>GhStats:Notifications</c>.</summary>
public sealed class GhStatsNotificationsOptions
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "Notifications";

    /// <summary>
    /// The name of the <c>IHttpClientFactory</c> client that webhook and Slack deliveries go through. Its primary handler
    /// follows no redirects and connects only to public addresses (unless <see cref="AllowPrivateAddresses"/>); a host adds
    /// a proxy or its own handlers to the same name.
    /// </summary>
    public const string HttpClientName = "GhStats.Notifications";

    /// <summary>
    /// The app's absolute address including its path prefix (e.g. <c>https://stats.example.com/</c>), used for links in
    /// messages. Optional: without it messages carry no links.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// Whether webhook and Slack addresses may resolve to loopback, private, link-local or metadata addresses (and use
    /// plain http). Default false: only public addresses over https.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>The SMTP server that email channels and subscriptions are sent through.</summary>
    public NotificationSmtpOptions Smtp { get; set; } = new();

    /// <summary>Attempts per message before it is given up. Default 8, 1 to 50.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The delay before the first retry; each further retry doubles it, with jitter. Default 30 seconds, at most 1 hour.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the outbox is looked at for due messages (events raised in this process wake it at once). Default 15 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one webhook, Slack or SMTP send may take before it counts as a failed attempt. Default 10 seconds.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a process holds the messages it claimed; a process that dies mid-delivery frees them after this, and
    /// another process (or the restarted one) delivers them. Longer than <see cref="SendTimeout"/>. Default 2 minutes.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The weekly digest.</summary>
    public NotificationDigestOptions Digest { get; set; } = new();

    /// <summary>Traffic spike detection.</summary>
    public NotificationSpikeOptions Spike { get; set; } = new();
}
