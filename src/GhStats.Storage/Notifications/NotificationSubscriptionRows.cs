using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Notifications;

/// <summary>The columns every subscription query selects, and how to read a subscription from them.</summary>
internal static class NotificationSubscriptionRows
{
    public static readonly RowShape Shape = new("notification subscription");

    private static readonly RowColumn UserId = Shape.Column("user_id");
    private static readonly RowColumn TenantId = Shape.Column("tenant_id");
    private static readonly RowColumn Topics = Shape.Column("topics");
    private static readonly RowColumn CreatedAt = Shape.Column("created_at");

    public static NotificationSubscription Read(RowReader r) =>
        new(r.Int64(UserId), r.Int64(TenantId), (NotificationTopics)r.Int32(Topics), r.Timestamp(CreatedAt));
}
