using System.Globalization;
using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Notifications;

/// <summary>
/// The columns of an outbox message joined with its event (<c>o</c> and <c>e</c>), and how to read a message; the
/// settling shape adds the message's state.
/// </summary>
internal static class NotificationMessageRows
{
    public static readonly RowShape Shape = new("notification message");

    private static readonly RowColumn Id = Shape.Column("id", "o.id");
    private static readonly RowColumn EventId = Shape.Column("event_id", "o.event_id");
    private static readonly RowColumn TenantId = Shape.Column("tenant_id", "o.tenant_id");
    private static readonly RowColumn Kind = Shape.Column("kind", "e.kind");
    private static readonly RowColumn Payload = Shape.Column("payload", "e.payload");
    private static readonly RowColumn OccurredAt = Shape.Column("occurred_at", "e.occurred_at");
    private static readonly RowColumn ChannelId = Shape.Column("channel_id", "o.channel_id");
    private static readonly RowColumn UserId = Shape.Column("user_id", "o.user_id");
    private static readonly RowColumn Attempts = Shape.Column("attempts", "o.attempts");
    private static readonly RowColumn NextAttemptAt = Shape.Column("next_attempt_at", "o.next_attempt_at");

    // Declared after the base columns: extending a shape seals it.
    public static readonly RowShape WithState = new("notification message with state", Shape);

    private static readonly RowColumn State = WithState.Column("state", "o.state");

    public static NotificationMessage Read(RowReader r) => new(
        r.Int64(Id), Guid.Parse(r.Text(EventId), CultureInfo.InvariantCulture), r.Int64(TenantId), r.Text(Kind), r.Text(Payload), r.Timestamp(OccurredAt),
        r.NullableInt64(ChannelId), r.NullableInt64(UserId), r.Int32(Attempts), r.Timestamp(NextAttemptAt));

    public static (NotificationMessage Message, OutboxState State) ReadWithState(RowReader r) => (Read(r), r.Enum<OutboxState>(State));
}
