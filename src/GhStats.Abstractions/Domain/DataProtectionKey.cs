using System.Text;

namespace GhStats.Domain;

/// <summary>An ASP.NET Core Data Protection key, kept in the database so every replica reads every other's cookies and secrets.</summary>
/// <param name="FriendlyName">The key's name, unique.</param>
/// <param name="Xml">The key element as XML.</param>
public sealed record DataProtectionKey(string FriendlyName, string Xml)
{
    /// <summary>Prints the key's name only: its XML may hold the key material in clear.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("FriendlyName = ").Append(FriendlyName).Append(", Xml = ***");
        return true;
    }
}
