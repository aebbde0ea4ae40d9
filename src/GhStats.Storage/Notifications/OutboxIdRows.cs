using GhStats.Storage.Relational;

namespace GhStats.Storage.Notifications;

/// <summary>A result of outbox message ids (the due messages a claimer tries to take).</summary>
internal static class OutboxIdRows
{
    public static readonly RowShape Shape = new("outbox message id");

    private static readonly RowColumn Id = Shape.Column("id");

    public static long Read(RowReader r) => r.Int64(Id);
}
