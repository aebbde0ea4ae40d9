namespace GhStats.Domain;

/// <summary>
/// The event kinds, as receivers see them in a webhook's <c>type</c> field: stable, machine-readable names that
/// never change meaning once shipped.
/// </summary>
public static class NotificationEventKinds
{
    /// <summary>The weekly digest.</summary>
    public const string Digest = "digest.weekly";

    /// <summary>A traffic spike on one repository and day.</summary>
    public const string Spike = "traffic.spike";

    /// <summary>A collection trouble condition started.</summary>
    public const string TroubleStarted = "trouble.started";

    /// <summary>A collection trouble condition cleared.</summary>
    public const string TroubleResolved = "trouble.resolved";

    /// <summary>An owner's "send a test" action.</summary>
    public const string Test = "channel.test";
}
