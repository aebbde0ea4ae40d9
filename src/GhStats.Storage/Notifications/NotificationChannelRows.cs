using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Notifications;

/// <summary>The columns every channel query selects, and how to read a channel from them.</summary>
internal static class NotificationChannelRows
{
    public static readonly RowShape Shape = new("notification channel");

    private static readonly RowColumn Id = Shape.Column("id");
    private static readonly RowColumn TenantId = Shape.Column("tenant_id");
    private static readonly RowColumn Name = Shape.Column("name");
    private static readonly RowColumn Kind = Shape.Column("kind");
    private static readonly RowColumn Topics = Shape.Column("topics");
    private static readonly RowColumn Recipients = Shape.Column("recipients");
    private static readonly RowColumn ProtectedSecret = Shape.Column("protected_secret");
    private static readonly RowColumn CreatedAt = Shape.Column("created_at");
    private static readonly RowColumn CreatedBy = Shape.Column("created_by");
    private static readonly RowColumn Language = Shape.Column("language");

    public static NotificationChannel Read(RowReader r) => new(
        r.Int64(Id), r.Int64(TenantId), r.Text(Name), r.Enum<NotificationChannelKind>(Kind), (NotificationTopics)r.Int32(Topics),
        r.NullableText(Recipients), r.NullableText(ProtectedSecret), r.Timestamp(CreatedAt), r.NullableText(CreatedBy))
    {
        Language = r.NullableText(Language),
    };
}
