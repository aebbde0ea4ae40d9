using System.Net;
using System.Net.Http;
using System.Net.Sockets;

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
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (!policy.AllowsPrivateAddresses(host, port))
        {
            addresses = [.. addresses.Where(GitHubAddresses.IsPublic)];
            if (addresses.Length == 0)
            {
                throw new GitHubRequestRefusedException(
                    $"GitHub API host '{host}' resolves to a loopback, private, link-local or metadata address, which GhStats does not call unless the operator sets AllowPrivateAddresses for the host in GhStats:GitHub:AllowedHosts.");
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
