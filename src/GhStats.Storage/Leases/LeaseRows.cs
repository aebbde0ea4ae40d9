using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Leases;

/// <summary>The columns a lease query selects, and how to read a lease from them.</summary>
internal static class LeaseRows
{
    public static readonly RowShape Shape = new("lease");

    private static readonly RowColumn Name = Shape.Column("name");
    private static readonly RowColumn Holder = Shape.Column("holder");
    private static readonly RowColumn ExpiresAt = Shape.Column("expires_at");

    public static Lease Read(RowReader r) => new(r.Text(Name), r.Text(Holder), r.Timestamp(ExpiresAt));
}
