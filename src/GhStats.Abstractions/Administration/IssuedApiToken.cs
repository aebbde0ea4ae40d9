using System.Text;
using GhStats.Domain;

namespace GhStats.Administration;

/// <summary>A personal API token just made: <see cref="Secret"/> is the token itself, shown once and never stored.</summary>
/// <param name="Token">The stored record (its hash, name, dates).</param>
/// <param name="Secret">The token to give to the script or SDK.</param>
public sealed record IssuedApiToken(ApiToken Token, string Secret)
{
    /// <summary>Prints the record without the token itself, so logging it leaks nothing.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Token = ").Append(Token).Append(", Secret = ***");
        return true;
    }
}
