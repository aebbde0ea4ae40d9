namespace GhStats.Domain;

/// <summary>Who did something, as known when it was done: a later rename or deletion does not change the log.</summary>
/// <param name="Kind">A person (in a session or with a personal API token), the cron endpoint, or GhStats itself.</param>
/// <param name="UserId">The person's profile id, for <see cref="AuditActorKind.User"/> and <see cref="AuditActorKind.ApiToken"/>.</param>
/// <param name="Name">The person's email or display name at the time, with the token for a token (<c>ann@example.com (API token 7 "ci")</c>), or <c>cron</c>, <c>schedule</c>, <c>system</c>.</param>
public sealed record AuditActor(AuditActorKind Kind, long? UserId, string Name)
{
    /// <summary>An external scheduler with the cron secret.</summary>
    public static AuditActor Cron { get; } = new(AuditActorKind.Cron, null, "cron");

    /// <summary>GhStats itself, e.g. its in-process schedule.</summary>
    /// <param name="what">What part of GhStats, e.g. <c>schedule</c>.</param>
    /// <returns>The actor.</returns>
    public static AuditActor System(string what) => new(AuditActorKind.System, null, what);
}
