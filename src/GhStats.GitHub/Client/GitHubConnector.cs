using System.Net.Http;

namespace GhStats.GitHub.Client;

/// <summary>
/// The connect step of the GitHub client's socket handler: resolves the host itself and connects only to addresses the
/// operator allows, so a name that resolves (or later re-resolves) to a private, loopback or metadata address is refused
/// whatever the host name looked like when the connection was saved.
/// </summary>
internal sealed class GitHubConnector(GitHubApiHostPolicy policy)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = await OutgoingAddresses.ResolveAllowedAsync(host, policy.AllowsPrivateAddresses(host, port), cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new GitHubRequestRefusedException(
                $"GitHub API host '{host}' resolves to a loopback, private, link-local or metadata address, which GhStats does not call unless the operator sets AllowPrivateAddresses for the host in GhStats:GitHub:AllowedHosts.");
        }

        return await OutgoingAddresses.ConnectAsync(addresses, port, cancellationToken).ConfigureAwait(false);
    }
}
