using System.Net;
using System.Net.Sockets;

namespace GhStats;

/// <summary>
/// Which IP addresses an outgoing call (a GitHub API host, a notification webhook) may reach unless the operator allows
/// private addresses for it: none that
/// reaches this machine, its network or a cloud's metadata service (loopback, link-local with 169.254.169.254,
/// private, shared, unique-local with fd00:ec2::254, unspecified, multicast), also when carried inside an IPv6 address
/// (IPv4-mapped, IPv4-compatible, NAT64, 6to4).
/// </summary>
public static class OutgoingAddresses
{
    /// <summary>Whether an address is public: not loopback, private, link-local, metadata, shared, unspecified or multicast, also inside IPv6 forms.</summary>
    /// <param name="address">The address.</param>
    /// <returns>True for a public address.</returns>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return !(b[0] is 0 or 10 or 127 or >= 224                  // "this" network, private, loopback, multicast and reserved
                || (b[0] == 169 && b[1] == 254)                        // link-local, cloud metadata
                || (b[0] == 172 && b[1] is >= 16 and <= 31)            // private
                || (b[0] == 192 && b[1] == 168)                        // private
                || (b[0] == 100 && b[1] is >= 64 and <= 127)           // shared (carrier-grade NAT)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0));           // IETF protocol assignments
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        Span<byte> v6 = stackalloc byte[16];
        address.TryWriteBytes(v6, out _);
        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b)
        {
            // NAT64 (64:ff9b::/96) carries an IPv4 address: judge that one.
            return IsPublic(new IPAddress(v6[12..]));
        }

        if (v6[0] == 0x20 && v6[1] == 0x02)
        {
            // 6to4 (2002::/16) carries an IPv4 address in its next 32 bits: judge that one.
            return IsPublic(new IPAddress(v6[2..6]));
        }

        if (v6[..12].IndexOfAnyExcept((byte)0) < 0 && !(address.Equals(IPAddress.IPv6Loopback) || address.Equals(IPAddress.IPv6Any)))
        {
            // The deprecated IPv4-compatible form (::a.b.c.d) still reaches a.b.c.d on some stacks: judge that one.
            return IsPublic(new IPAddress(v6[12..]));
        }

        return !(address.Equals(IPAddress.IPv6Loopback) || address.Equals(IPAddress.IPv6Any)
            || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (v6[0] & 0xfe) == 0xfc                                  // unique-local fc00::/7, AWS metadata fd00:ec2::254
            || address.IsIPv4MappedToIPv6);
    }

    /// <summary>
    /// Resolves a host (or reads an address literal) and keeps only public addresses unless <paramref name="allowPrivate"/>;
    /// the caller connects to the result, so a name that later re-resolves to a private address is judged again.
    /// </summary>
    /// <param name="host">The host name or address literal (brackets allowed).</param>
    /// <param name="allowPrivate">Whether the operator allows private addresses for this host.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The addresses that may be called; empty when every address was refused.</returns>
    public static async Task<IPAddress[]> ResolveAllowedAsync(string host, bool allowPrivate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        return allowPrivate ? addresses : [.. addresses.Where(IsPublic)];
    }

    /// <summary>Connects a TCP stream to the first of the addresses that answers.</summary>
    /// <param name="addresses">What <see cref="ResolveAllowedAsync"/> returned.</param>
    /// <param name="port">The port.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>The connected stream, owning its socket.</returns>
    public static async Task<Stream> ConnectAsync(IPAddress[] addresses, int port, CancellationToken cancellationToken)
    {
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
