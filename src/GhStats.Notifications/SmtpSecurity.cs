namespace GhStats.Notifications;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Connect in clear and require STARTTLS before anything is sent (port 587).</summary>
    StartTls = 0,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect = 1,

    /// <summary>No TLS at all: only for a relay on the same machine or network.</summary>
    None = 2,
}
