namespace GhStats.Notifications;

/// <summary>The SMTP server email notifications go through, bound from <c>GhStats:Notifications:Smtp</c>.</summary>
public sealed class NotificationSmtpOptions
{
    /// <summary>The server's host name. Without it, email deliveries fail with a message saying so; other channels work.</summary>
    public string? Host { get; set; }

    /// <summary>The port. Default 587 (submission with STARTTLS).</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured. Default <see cref="SmtpSecurity.StartTls"/>.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The user to authenticate as; without it GhStats does not authenticate.</summary>
    public string? UserName { get; set; }

    /// <summary>The password of <see cref="UserName"/>.</summary>
    public string? Password { get; set; }

    /// <summary>The sender address, e.g. <c>GhStats &lt;ghstats@example.com&gt;</c>; required with <see cref="Host"/>.</summary>
    public string? From { get; set; }
}
