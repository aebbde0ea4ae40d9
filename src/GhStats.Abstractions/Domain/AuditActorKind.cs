namespace GhStats.Domain;

/// <summary>What kind of actor an audit entry names.</summary>
public enum AuditActorKind
{
    /// <summary>A signed-in person.</summary>
    User = 1,

    /// <summary>A person's personal API token.</summary>
    ApiToken = 2,

    /// <summary>An external scheduler that sent the cron secret.</summary>
    Cron = 3,

    /// <summary>GhStats itself.</summary>
    System = 4,
}
