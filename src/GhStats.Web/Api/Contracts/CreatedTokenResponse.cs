using System.Text;

namespace GhStats.Web.Api.Contracts;

/// <summary>A new personal API token: copy it now, it is never shown again.</summary>
internal sealed record CreatedTokenResponse(long Id, string Name, string Token, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt)
{
    /// <summary>Prints the response without the token itself.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Name = ").Append(Name).Append(", Token = ***, CreatedAt = ").Append(CreatedAt)
            .Append(", ExpiresAt = ").Append(ExpiresAt);
        return true;
    }
}
