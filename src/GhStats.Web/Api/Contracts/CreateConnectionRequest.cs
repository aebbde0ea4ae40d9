using System.Text;

namespace GhStats.Web.Api.Contracts;

/// <summary>Adds a GitHub connection: kind pat with a token, or kind app with an App id, installation id and private key (PEM).</summary>
internal sealed record CreateConnectionRequest(string? Name, string? Kind, string? ApiBaseUrl, string? Token, long? AppId, long? InstallationId, string? PrivateKey)
{
    /// <summary>Prints the request without the token or the App's private key.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Name = ").Append(Name).Append(", Kind = ").Append(Kind).Append(", ApiBaseUrl = ").Append(ApiBaseUrl)
            .Append(", Token = ").Append(Token is null ? string.Empty : "***").Append(", AppId = ").Append(AppId)
            .Append(", InstallationId = ").Append(InstallationId).Append(", PrivateKey = ").Append(PrivateKey is null ? string.Empty : "***");
        return true;
    }
}
