using System.Text;

namespace GhStats.Domain;

/// <summary>What it takes to add a GitHub connection.</summary>
/// <param name="TenantId">The owning tenant.</param>
/// <param name="Name">A label for people.</param>
/// <param name="Kind">Token or GitHub App.</param>
/// <param name="ApiBaseUrl">The API base address (absolute http or https).</param>
/// <param name="ProtectedSecret">The token or App private key, already encrypted by the caller.</param>
/// <param name="AppId">The GitHub App id, required for <see cref="GitHubConnectionKind.App"/>.</param>
/// <param name="InstallationId">The installation id, required for <see cref="GitHubConnectionKind.App"/>.</param>
public sealed record NewGitHubConnection(
    long TenantId,
    string Name,
    GitHubConnectionKind Kind,
    string ApiBaseUrl,
    string ProtectedSecret,
    long? AppId = null,
    long? InstallationId = null)
{
    /// <summary>Prints the record without the encrypted secret, which a logged line has no use for.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("TenantId = ").Append(TenantId).Append(", Name = ").Append(Name).Append(", Kind = ").Append(Kind)
            .Append(", ApiBaseUrl = ").Append(ApiBaseUrl).Append(", ProtectedSecret = ***, AppId = ").Append(AppId)
            .Append(", InstallationId = ").Append(InstallationId);
        return true;
    }
}
