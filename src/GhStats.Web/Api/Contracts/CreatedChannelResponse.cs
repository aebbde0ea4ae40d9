using System.Text;

namespace GhStats.Web.Api.Contracts;

/// <summary>
/// The answer to adding a channel: the channel, and for a webhook the signing secret GhStats generated, shown this once
/// (no later answer holds it).
/// </summary>
internal sealed record CreatedChannelResponse(
    long Id, string Name, string Kind, IReadOnlyList<string> Topics, string? Target, DateTimeOffset CreatedAt, string? CreatedBy, string? Language, string? SigningSecret)
{
    /// <summary>Prints the answer without the signing secret.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Name = ").Append(Name).Append(", Kind = ").Append(Kind)
            .Append(", Target = ").Append(Target).Append(", SigningSecret = ").Append(SigningSecret is null ? "null" : "***");
        return true;
    }
}
