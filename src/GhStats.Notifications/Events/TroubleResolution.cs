namespace GhStats.Notifications.Events;

/// <summary>Why a trouble condition cleared, so a message can say it in its recipient's language.</summary>
internal enum TroubleResolution
{
    /// <summary>GitHub accepts the connection's credentials again, or no tracked repository is read with them.</summary>
    CredentialsAccepted = 1,

    /// <summary>The connection was removed.</summary>
    ConnectionRemoved = 2,

    /// <summary>A later collection run succeeded (or completed with errors in some repositories only).</summary>
    RunFinished = 3,

    /// <summary>The repository is no longer tracked.</summary>
    NoLongerTracked = 4,

    /// <summary>The repository's days were read successfully again.</summary>
    ReadAgain = 5,

    /// <summary>The repository was collected successfully.</summary>
    Collected = 6,

    /// <summary>The last collection ended with another status.</summary>
    OtherStatus = 7,
}
