using System.Text;

namespace GhStats.Domain;

/// <summary>Credentials a tenant uses to read GitHub (github.com or a GitHub Enterprise Server).</summary>
/// <param name="Id">Store-assigned identifier.</param>
/// <param name="TenantId">The owning tenant.</param>
/// <param name="Name">A label for people.</param>
/// <param name="Kind">Token or GitHub App.</param>
/// <param name="ApiBaseUrl">The API base address, e.g. https://api.github.com/ or https://ghe.example.com/.</param>
/// <param name="ProtectedSecret">The token or App private key, already encrypted by the caller; the store never sees it in clear.</param>
/// <param name="AppId">The GitHub App id, for <see cref="GitHubConnectionKind.App"/>.</param>
/// <param name="InstallationId">The installation id, for <see cref="GitHubConnectionKind.App"/>.</param>
/// <param name="CreatedAt">When it was added (UTC).</param>
public sealed record GitHubConnection(
    long Id,
    long TenantId,
    string Name,
    GitHubConnectionKind Kind,
    string ApiBaseUrl,
    string ProtectedSecret,
    long? AppId,
    long? InstallationId,
    DateTimeOffset CreatedAt)
{
    /// <summary>Prints the record without the encrypted secret, which a logged line has no use for.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", TenantId = ").Append(TenantId).Append(", Name = ").Append(Name)
            .Append(", Kind = ").Append(Kind).Append(", ApiBaseUrl = ").Append(ApiBaseUrl).Append(", ProtectedSecret = ***, AppId = ")
            .Append(AppId).Append(", InstallationId = ").Append(InstallationId).Append(", CreatedAt = ").Append(CreatedAt);
        return true;
    }
}
