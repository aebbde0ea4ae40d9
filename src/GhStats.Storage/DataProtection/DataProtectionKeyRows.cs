using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.DataProtection;

/// <summary>The columns a key listing selects, and how to read a key from them.</summary>
internal static class DataProtectionKeyRows
{
    public static readonly RowShape Shape = new("Data Protection key");

    private static readonly RowColumn FriendlyName = Shape.Column("friendly_name");
    private static readonly RowColumn Xml = Shape.Column("xml");

    public static DataProtectionKey Read(RowReader r) => new(r.Text(FriendlyName), r.Text(Xml));
}
