using System.Globalization;
using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Notifications;

/// <summary>The columns every delivery log query selects, and how to read a line from them.</summary>
internal static class NotificationDeliveryRows
{
    public static readonly RowShape Shape = new("notification delivery");

    private static readonly RowColumn Id = Shape.Column("id");
    private static readonly RowColumn MessageId = Shape.Column("message_id");
    private static readonly RowColumn EventId = Shape.Column("event_id");
    private static readonly RowColumn TenantId = Shape.Column("tenant_id");
    private static readonly RowColumn ChannelId = Shape.Column("channel_id");
    private static readonly RowColumn UserId = Shape.Column("user_id");
    private static readonly RowColumn Kind = Shape.Column("kind");
    private static readonly RowColumn Attempt = Shape.Column("attempt");
    private static readonly RowColumn AttemptedAt = Shape.Column("attempted_at");
    private static readonly RowColumn Succeeded = Shape.Column("succeeded");
    private static readonly RowColumn Outcome = Shape.Column("outcome");
    private static readonly RowColumn WillRetry = Shape.Column("will_retry");

    public static NotificationDelivery Read(RowReader r) => new(
        r.Int64(Id), r.Int64(MessageId), Guid.Parse(r.Text(EventId), CultureInfo.InvariantCulture), r.Int64(TenantId), r.NullableInt64(ChannelId),
        r.NullableInt64(UserId), r.Text(Kind), r.Int32(Attempt), r.Timestamp(AttemptedAt), r.Int32(Succeeded) != 0, r.Text(Outcome), r.Int32(WillRetry) != 0);
}
