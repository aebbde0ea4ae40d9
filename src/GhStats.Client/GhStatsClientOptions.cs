namespace GhStats.Client;

/// <summary>Where the GhStats server is and how to call it.</summary>
public sealed class GhStatsClientOptions
{
    /// <summary>The longest <see cref="Timeout"/> allowed, short of turning it off.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The server's address including the path GhStats is mapped under, if any: <c>http://127.0.0.1:5080/</c> for the
    /// hosted app, <c>https://intranet.example.com/stats/</c> for an app that calls <c>MapGhStats("/stats")</c>.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// A personal API token (<c>ghst_...</c>), sent as <c>Authorization: Bearer</c>. Make one with the host's
    /// <c>token create --email you@example.com</c> command or in the app. It is never logged nor put in an exception.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// How long one call may take until its response starts, retries by added resilience handlers included; 30 seconds
    /// by default. A call that takes longer throws <see cref="GhStatsConnectionException"/> with
    /// <see cref="GhStatsConnectionException.TimedOut"/> set. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
