namespace GhStats.Domain;

/// <summary>
/// The audit log's action names: stable, machine-readable, <c>subject.verb</c>. Scripts filter on them, so a name once
/// shipped never changes meaning. Notification channels are audited as <c>channel.created</c>, <c>channel.deleted</c> and
/// <c>channel.tested</c> (a channel is replaced, not changed), and a person's own subscription as <c>subscription.changed</c>.
/// </summary>
public static class AuditActions
{
    /// <summary>An admin created a tenant.</summary>
    public const string TenantCreated = "tenant.created";

    /// <summary>An owner renamed a tenant.</summary>
    public const string TenantRenamed = "tenant.renamed";

    /// <summary>An admin deleted a tenant with everything in it.</summary>
    public const string TenantDeleted = "tenant.deleted";

    /// <summary>A person with a profile became a member.</summary>
    public const string MemberAdded = "member.added";

    /// <summary>A member's role changed.</summary>
    public const string MemberRoleChanged = "member.role_changed";

    /// <summary>A member was removed.</summary>
    public const string MemberRemoved = "member.removed";

    /// <summary>An email without a membership was invited (or its invitation's role changed).</summary>
    public const string InvitationCreated = "invitation.created";

    /// <summary>An invited person signed in for the first time with the invited email and became a member.</summary>
    public const string InvitationAccepted = "invitation.accepted";

    /// <summary>An invitation was withdrawn.</summary>
    public const string InvitationRevoked = "invitation.revoked";

    /// <summary>A GitHub connection was added.</summary>
    public const string ConnectionCreated = "connection.created";

    /// <summary>A GitHub connection was deleted.</summary>
    public const string ConnectionDeleted = "connection.deleted";

    /// <summary>A personal API token was made.</summary>
    public const string TokenCreated = "token.created";

    /// <summary>A personal API token was revoked.</summary>
    public const string TokenRevoked = "token.revoked";

    /// <summary>A repository was tracked.</summary>
    public const string RepositoryTracked = "repository.tracked";

    /// <summary>A repository was untracked; its data stays.</summary>
    public const string RepositoryUntracked = "repository.untracked";

    /// <summary>A repository was untracked and its data deleted.</summary>
    public const string RepositoryPurged = "repository.purged";

    /// <summary>A repository's public badges were turned on or off.</summary>
    public const string RepositoryBadgesChanged = "repository.badges_changed";

    /// <summary>An owner put a note on a day of a repository or of the whole tenant.</summary>
    public const string AnnotationCreated = "annotation.created";

    /// <summary>An owner deleted a note.</summary>
    public const string AnnotationDeleted = "annotation.deleted";

    /// <summary>An owner made a public dashboard (its details say whether it was published at once).</summary>
    public const string DashboardCreated = "dashboard.created";

    /// <summary>An owner changed what a public dashboard shows or who may frame it.</summary>
    public const string DashboardChanged = "dashboard.changed";

    /// <summary>An owner published a public dashboard.</summary>
    public const string DashboardPublished = "dashboard.published";

    /// <summary>An owner unpublished a public dashboard: it answers like a missing page from then on.</summary>
    public const string DashboardUnpublished = "dashboard.unpublished";

    /// <summary>An owner deleted a public dashboard.</summary>
    public const string DashboardDeleted = "dashboard.deleted";

    /// <summary>Traffic history was imported into a repository from another tool.</summary>
    public const string TrafficImported = "traffic.imported";

    /// <summary>Every repository of a GitHub owner is tracked.</summary>
    public const string OwnerTracked = "owner.tracked";

    /// <summary>A GitHub owner is no longer tracked as a whole.</summary>
    public const string OwnerUntracked = "owner.untracked";

    /// <summary>A collection was asked for (its details say the trigger: cron, manual or schedule).</summary>
    public const string CollectionStarted = "collection.started";

    /// <summary>An owner added a notification channel (its URL and signing secret are never in the entry).</summary>
    public const string ChannelCreated = "channel.created";

    /// <summary>An owner deleted a notification channel.</summary>
    public const string ChannelDeleted = "channel.deleted";

    /// <summary>An owner sent a test message to a notification channel (its details say the outcome).</summary>
    public const string ChannelTested = "channel.tested";

    /// <summary>A person changed their own notification subscription in a tenant (its details say the topics).</summary>
    public const string SubscriptionChanged = "subscription.changed";

    /// <summary>A person chose the language of their pages, digests and alerts (its details say from and to).</summary>
    public const string LanguageChanged = "profile.language_changed";
}
