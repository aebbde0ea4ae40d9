using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Audit;

/// <summary>The columns every audit query selects, and how to read an entry from them.</summary>
internal static class AuditEntryRows
{
    public static readonly RowShape Shape = new("audit entry");

    private static readonly RowColumn Id = Shape.Column("id");
    private static readonly RowColumn OccurredAt = Shape.Column("occurred_at");
    private static readonly RowColumn ActorKind = Shape.Column("actor_kind");
    private static readonly RowColumn ActorUserId = Shape.Column("actor_user_id");
    private static readonly RowColumn ActorName = Shape.Column("actor_name");
    private static readonly RowColumn TenantId = Shape.Column("tenant_id");
    private static readonly RowColumn Action = Shape.Column("action");
    private static readonly RowColumn TargetKind = Shape.Column("target_kind");
    private static readonly RowColumn TargetId = Shape.Column("target_id");
    private static readonly RowColumn TargetName = Shape.Column("target_name");
    private static readonly RowColumn Details = Shape.Column("details");
    private static readonly RowColumn ClientAddress = Shape.Column("client_address");

    public static AuditEntry Read(RowReader r) => new(
        r.Int64(Id),
        r.Timestamp(OccurredAt),
        new AuditActor(r.Enum<AuditActorKind>(ActorKind), r.NullableInt64(ActorUserId), r.Text(ActorName)),
        r.NullableInt64(TenantId),
        r.Text(Action),
        r.NullableText(TargetKind) is { } kind ? new AuditTarget(kind, r.NullableText(TargetId), r.NullableText(TargetName)) : null,
        r.NullableText(Details),
        r.NullableText(ClientAddress));
}
