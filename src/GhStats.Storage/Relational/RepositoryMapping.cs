using GhStats.Domain;

namespace GhStats.Storage.Relational;

/// <summary>Reads a repository from the first eleven columns of a row, in the order every repository query selects them.</summary>
internal static class RepositoryMapping
{
    public const string Columns = "id, tenant_id, connection_id, owner, name, github_id, added_at, removed_at, last_collected_at, last_status, weekly_collected_on";

    public static TrackedRepository Read(RowReader r) => new(
        r.Int64(0), r.Int64(1), r.NullableInt64(2), r.Text(3), r.Text(4), r.NullableInt64(5),
        r.Timestamp(6), r.NullableTimestamp(7), r.NullableTimestamp(8), r.NullableText(9), r.NullableDate(10));
}
