using System.Net;
using System.Net.Sockets;

namespace GhStats.GitHub.Client;

/// <summary>
/// Which IP addresses a GitHub API host may resolve to unless the operator allows its private addresses: none that
/// reaches this machine, its network or a cloud's metadata service (loopback, link-local with 169.254.169.254,
/// private, shared, unique-local with fd00:ec2::254, unspecified, multicast), also when carried inside an IPv6 address
/// (IPv4-mapped, IPv4-compatible, NAT64, 6to4).
/// </summary>
internal static class GitHubAddresses
{
    public static bool IsPublic(IPAddress address)
    {
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
}
