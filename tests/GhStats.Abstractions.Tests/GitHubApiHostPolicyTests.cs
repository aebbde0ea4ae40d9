using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace GhStats.Abstractions.Tests;

/// <summary>
/// Which GitHub API addresses the operator's <c>GhStats:GitHub:AllowedHosts</c> lets a connection call: api.github.com
/// over https always; any other host only when listed, matched without regard to case, on its port when the entry names
/// one, and over http only when the entry allows it.
/// </summary>
public sealed class GitHubApiHostPolicyTests
{
    [Theory]
    [InlineData("https://api.github.com")]
    [InlineData("https://api.github.com/")]
    [InlineData("https://API.GitHub.com")]
    [InlineData("https://api.github.com:443")]
    [InlineData("https://github.com")]
    public void ApiGitHubDotCom_OverHttps_IsAllowed_WithNothingConfigured(string address) =>
        Policy().RefusalOf(new Uri(address)).ShouldBeNull();

    [Theory]
    [InlineData("http://api.github.com", "allowed over https only")]
    [InlineData("http://api.github.com:80", "allowed over https only")]
    [InlineData("http://github.com", "allowed over https only")]
    [InlineData("https://api.github.com:8443", "'api.github.com:8443' is not allowed")]
    [InlineData("https://api.github.com.evil.example", "is not allowed")]
    [InlineData("https://github.example.com", "'github.example.com' is not allowed")]
    [InlineData("http://10.0.0.5", "'10.0.0.5' is not allowed")]
    [InlineData("https://169.254.169.254", "'169.254.169.254' is not allowed")]
    [InlineData("http://localhost:1234", "'localhost:1234' is not allowed")]
    [InlineData("http://[::1]/", "'[::1]' is not allowed")]
    [InlineData("ftp://api.github.com", "absolute https address")]
    [InlineData("file:///etc/passwd", "absolute https address")]
    public void AnythingElse_IsRefused_WithNothingConfigured_NamingTheSetting(string address, string reason)
    {
        var refusal = Policy().RefusalOf(new Uri(address)).ShouldNotBeNull();

        refusal.ShouldContain(reason);
        if (!reason.StartsWith("absolute", StringComparison.Ordinal))
        {
            refusal.ShouldContain("GhStats:GitHub:AllowedHosts");
        }
    }

    [Theory]
    [InlineData("https://github.example.com/api/v3")]
    [InlineData("https://GITHUB.example.COM/api/v3")]
    [InlineData("https://github.example.com:8443/api/v3")]
    public void AListedHostWithoutAPort_IsAllowedOverHttps_OnAnyPort_WhateverItsCase(string address) =>
        Policy(new GitHubApiHost { Host = "GitHub.Example.com" }).RefusalOf(new Uri(address)).ShouldBeNull();

    [Fact]
    public void AListedHost_IsRefusedOverHttp_UnlessItsEntryAllowsHttp()
    {
        var address = new Uri("http://github.example.com/api/v3");

        Policy(new GitHubApiHost { Host = "github.example.com" }).RefusalOf(address).ShouldNotBeNull().ShouldContain("AllowHttp");
        Policy(new GitHubApiHost { Host = "github.example.com", AllowHttp = true }).RefusalOf(address).ShouldBeNull();
    }

    [Theory]
    [InlineData("https://github.example.com:8443/api/v3", true)]
    [InlineData("https://github.example.com/api/v3", false)]
    [InlineData("https://github.example.com:9443/api/v3", false)]
    public void AListedHostWithAPort_IsAllowedOnThatPortOnly(string address, bool allowed) =>
        (Policy(new GitHubApiHost { Host = "github.example.com:8443" }).RefusalOf(new Uri(address)) is null).ShouldBe(allowed);

    [Theory]
    [InlineData("http://github.example.com/api/v3", true)]
    [InlineData("http://github.example.com:8080/api/v3", false)]
    public void AListedHostWithPort80_MatchesPort80Only(string address, bool allowed) =>
        (Policy(new GitHubApiHost { Host = "github.example.com:80", AllowHttp = true }).RefusalOf(new Uri(address)) is null).ShouldBe(allowed);

    [Fact]
    public void PrivateAddresses_AreAllowed_OnlyForAnEntryThatSaysSo_OnItsPort()
    {
        var policy = Policy(
            new GitHubApiHost { Host = "ghe.corp.example", AllowPrivateAddresses = true },
            new GitHubApiHost { Host = "github.example.com:8443", AllowPrivateAddresses = true },
            new GitHubApiHost { Host = "public.example.com" });

        policy.AllowsPrivateAddresses("GHE.corp.example", 443).ShouldBeTrue();
        policy.AllowsPrivateAddresses("github.example.com", 8443).ShouldBeTrue();
        policy.AllowsPrivateAddresses("github.example.com", 443).ShouldBeFalse();
        policy.AllowsPrivateAddresses("public.example.com", 443).ShouldBeFalse();
        policy.AllowsPrivateAddresses("api.github.com", 443).ShouldBeFalse();
        policy.AllowsPrivateAddresses("localhost", 443).ShouldBeFalse();
    }

    [Fact]
    public void AnIPv6Literal_CanBeListed_WithBrackets()
    {
        var policy = Policy(new GitHubApiHost { Host = "[fd00::5]:8443", AllowHttp = true, AllowPrivateAddresses = true });

        policy.RefusalOf(new Uri("http://[fd00::5]:8443/api/v3")).ShouldBeNull();
        policy.RefusalOf(new Uri("http://[fd00::5]/api/v3")).ShouldNotBeNull();
        policy.AllowsPrivateAddresses("[fd00::5]", 8443).ShouldBeTrue();
    }

    [Fact]
    public void AChangedSetting_AppliesToTheNextCall()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();
        using var provider = Provider(configuration);
        var policy = provider.GetRequiredService<GitHubApiHostPolicy>();
        var address = new Uri("https://github.example.com/api/v3");
        policy.RefusalOf(address).ShouldNotBeNull();

        configuration["GitHub:AllowedHosts:0:Host"] = "github.example.com";
        configuration.Reload();

        policy.RefusalOf(address).ShouldBeNull();
    }

    [Theory]
    [InlineData("https://github.example.com")]
    [InlineData("github.example.com/api/v3")]
    [InlineData("user@github.example.com")]
    [InlineData("")]
    [InlineData("github example com")]
    public void AnEntryThatIsNoHost_FailsValidation_NamingIt(string host)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitHub:AllowedHosts:0:Host"] = "github.example.com",
            ["GitHub:AllowedHosts:1:Host"] = host,
        }).Build();
        using var provider = Provider(configuration);

        var failure = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GitHubApiOptions>>().Value);

        failure.Message.ShouldContain("GhStats:GitHub:AllowedHosts:1:Host");
        failure.Message.ShouldNotContain("AllowedHosts:0");
    }

    private static GitHubApiHostPolicy Policy(params GitHubApiHost[] hosts)
    {
        var services = new ServiceCollection();
        services.AddGhStats(new ConfigurationBuilder().Build()).ConfigureGitHubApi(o =>
        {
            foreach (var host in hosts)
            {
                o.AllowedHosts.Add(host);
            }
        });
        return services.BuildServiceProvider().GetRequiredService<GitHubApiHostPolicy>();
    }

    /// <summary>A provider over <paramref name="configuration"/> as the GhStats section (what a host passes to AddGhStats).</summary>
    private static ServiceProvider Provider(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddGhStats(configuration);
        return services.BuildServiceProvider();
    }
}
