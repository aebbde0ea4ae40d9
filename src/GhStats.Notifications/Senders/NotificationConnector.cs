using System.Net.Http;
using Microsoft.Extensions.Options;

namespace GhStats.Notifications.Senders;

/// <summary>
/// The connect step of the notifications client's socket handler: resolves the host itself and connects only to public
/// addresses unless <c>GhStats:Notifications:AllowPrivateAddresses</c>, so a webhook URL whose name resolves (or later
/// re-resolves) to this machine, its network or a cloud metadata service is refused.
/// </summary>
internal sealed class NotificationConnector(IOptionsMonitor<GhStatsNotificationsOptions> options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = await OutgoingAddresses.ResolveAllowedAsync(host, options.CurrentValue.AllowPrivateAddresses, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new NotificationAddressRefusedException(
                $"'{host}' resolves only to loopback, private, link-local or metadata addresses, which GhStats does not call unless GhStats:Notifications:AllowPrivateAddresses is true.");
        }

        return await OutgoingAddresses.ConnectAsync(addresses, port, cancellationToken).ConfigureAwait(false);
    }
}
