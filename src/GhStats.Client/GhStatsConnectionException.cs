namespace GhStats.Client;

/// <summary>The server could not be reached, or did not answer within <see cref="GhStatsClientOptions.Timeout"/>.</summary>
public sealed class GhStatsConnectionException : GhStatsClientException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="server">The server's address (scheme, host and port).</param>
    /// <param name="timeout">The timeout that elapsed; null when the server could not be reached at all.</param>
    /// <param name="innerException">The transport's exception.</param>
    public GhStatsConnectionException(Uri server, TimeSpan? timeout, Exception? innerException)
        : base(Describe(server, timeout, innerException), innerException)
    {
        Server = server;
        Timeout = timeout;
    }

    /// <summary>The server's address (scheme, host and port).</summary>
    public Uri Server { get; }

    /// <summary>Whether the server was reached but did not answer in time.</summary>
    public bool TimedOut => Timeout is not null;

    /// <summary>The timeout that elapsed, when <see cref="TimedOut"/>.</summary>
    public TimeSpan? Timeout { get; }

    private static string Describe(Uri server, TimeSpan? timeout, Exception? cause) => timeout is { } elapsed
        ? $"The GhStats server at {server} did not answer within {Seconds(elapsed)} (GhStatsClientOptions.Timeout). It may be overloaded or stuck; try again later or raise the timeout."
        : $"Could not reach the GhStats server at {server}: {Innermost(cause)} Check that it runs and that GhStatsClientOptions.BaseAddress is right.";

    private static string Seconds(TimeSpan elapsed) =>
        elapsed.TotalSeconds >= 1 ? $"{elapsed.TotalSeconds:0.#} s" : $"{elapsed.TotalMilliseconds:0} ms";

    private static string Innermost(Exception? cause)
    {
        if (cause is null)
        {
            return "the connection failed.";
        }

        while (cause.InnerException is not null)
        {
            cause = cause.InnerException;
        }

        var message = cause.Message.TrimEnd();
        return message.EndsWith('.') ? message : message + ".";
    }
}
