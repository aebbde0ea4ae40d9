using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Notifications;

/// <summary>The columns every condition query selects, and how to read an open condition from them.</summary>
internal static class NotificationConditionRows
{
    public static readonly RowShape Shape = new("notification condition");

    private static readonly RowColumn TenantId = Shape.Column("tenant_id");
    private static readonly RowColumn Key = Shape.Column("condition_key");
    private static readonly RowColumn OpenedAt = Shape.Column("opened_at");
    private static readonly RowColumn Summary = Shape.Column("summary");

    public static NotificationCondition Read(RowReader r) => new(r.Int64(TenantId), r.Text(Key), r.Timestamp(OpenedAt), r.Text(Summary));
}
