using System.Net;
using Shouldly;
using Xunit;

namespace GhStats.Abstractions.Tests;

/// <summary>
/// Which addresses an outgoing call (a GitHub API host, a webhook) may reach when the operator has not allowed private addresses: public
/// ones only, never this machine, its networks or a cloud's metadata service, however the address is written.
/// </summary>
public sealed class OutgoingAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")]                   // loopback
    [InlineData("127.255.255.254")]
    [InlineData("0.0.0.0")]                     // unspecified: connects to this machine
    [InlineData("0.1.2.3")]                     // "this" network
    [InlineData("10.0.0.1")]                    // private
    [InlineData("10.255.255.255")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]             // link-local: AWS, Azure, GCP and others' metadata service
    [InlineData("169.254.0.1")]
    [InlineData("100.64.0.1")]                  // shared, carrier-grade NAT (100.64.0.0/10)
    [InlineData("100.127.255.254")]
    [InlineData("192.0.0.192")]                 // IETF protocol assignments; Oracle Cloud's metadata
    [InlineData("224.0.0.1")]                   // multicast
    [InlineData("240.0.0.1")]                   // reserved
    [InlineData("255.255.255.255")]             // broadcast
    [InlineData("::1")]                         // IPv6 loopback
    [InlineData("::")]                          // IPv6 unspecified
    [InlineData("fe80::1")]                     // IPv6 link-local
    [InlineData("fec0::1")]                     // IPv6 site-local (deprecated)
    [InlineData("fc00::1")]                     // unique-local
    [InlineData("fd00::1")]
    [InlineData("fd00:ec2::254")]               // AWS metadata over IPv6
    [InlineData("ff02::1")]                     // IPv6 multicast
    [InlineData("::ffff:10.0.0.1")]             // IPv4-mapped private
    [InlineData("::ffff:127.0.0.1")]            // IPv4-mapped loopback
    [InlineData("::ffff:169.254.169.254")]      // IPv4-mapped metadata
    [InlineData("64:ff9b::a9fe:a9fe")]          // NAT64 of 169.254.169.254
    [InlineData("64:ff9b::7f00:1")]             // NAT64 of 127.0.0.1
    [InlineData("2002:a9fe:a9fe::1")]           // 6to4 of 169.254.169.254
    [InlineData("2002:a00:1::")]                // 6to4 of 10.0.0.1
    [InlineData("::a9fe:a9fe")]                 // IPv4-compatible 169.254.169.254
    [InlineData("::7f00:1")]                    // IPv4-compatible 127.0.0.1
    public void AnAddressOnThisMachineItsNetworksOrAMetadataService_IsNotPublic(string address) =>
        OutgoingAddresses.IsPublic(IPAddress.Parse(address)).ShouldBeFalse(address);

    [Theory]
    [InlineData("140.82.112.6")]                // api.github.com
    [InlineData("8.8.8.8")]
    [InlineData("100.63.255.255")]              // just below 100.64.0.0/10
    [InlineData("100.128.0.1")]                 // just above it
    [InlineData("172.15.255.255")]              // just below 172.16.0.0/12
    [InlineData("172.32.0.1")]                  // just above it
    [InlineData("169.253.255.255")]
    [InlineData("192.167.1.1")]
    [InlineData("11.0.0.1")]
    [InlineData("2606:50c0:8000::154")]         // GitHub over IPv6
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:140.82.112.6")]         // IPv4-mapped public
    [InlineData("64:ff9b::8c52:7006")]          // NAT64 of 140.82.112.6
    [InlineData("2002:8c52:7006::1")]           // 6to4 of 140.82.112.6
    [InlineData("::8c52:7006")]                 // IPv4-compatible 140.82.112.6
    public void APublicAddress_IsPublic(string address) =>
        OutgoingAddresses.IsPublic(IPAddress.Parse(address)).ShouldBeTrue(address);
}
