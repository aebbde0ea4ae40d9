using GhStats.GitHub;
using GhStats.Web.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>
/// The web module's settings: every options class refuses bad values at start with all its messages at once, and code
/// configuration applies after the configuration, whether it is written before or after the package's entry method.
/// </summary>
public sealed class WebOptionsTests
{
    private const string ConfiguredSecret = "configured-secret-configured-secret-0123";
    private const string CodeSecret = "code-secret-code-secret-code-secret-4567";

    [Fact]
    public async Task AuthenticationOptions_WithBadValues_FailStartUp_WithEveryMessageAtOnce()
    {
        var failure = await StartWithAsync(new Dictionary<string, string?>
        {
            ["GhStats:Authentication:Oidc:Authority"] = "ftp://login.example.com",
            ["GhStats:Authentication:SessionIdleTimeout"] = "-00:00:01",
            ["GhStats:Authentication:ClaimNames:Subject"] = "",
            ["GhStats:Authentication:HostScheme"] = GhStatsAuthenticationSchemes.Cookie,
        });

        var error = failure.ShouldBeOfType<OptionsValidationException>();
        error.OptionsType.ShouldBe(typeof(GhStatsAuthenticationOptions));
        error.Failures.Count().ShouldBe(5, error.Message);
        error.Message.ShouldContain("GhStats:Authentication:Oidc:Authority 'ftp://login.example.com' is not an absolute http(s) address");
        error.Message.ShouldContain("GhStats:Authentication:Oidc:ClientId is required");
        error.Message.ShouldContain("GhStats:Authentication:SessionIdleTimeout must be positive");
        error.Message.ShouldContain("GhStats:Authentication:ClaimNames:Subject and :Email must name a claim");
        error.Message.ShouldContain("GhStats:Authentication:HostScheme 'GhStats.Cookie' must name the host app's own authentication scheme");
    }

    [Fact]
    public async Task BootstrapOptions_WithMalformedAdminEmails_FailStartUp_NamingEachOne()
    {
        var failure = await StartWithAsync(new Dictionary<string, string?>
        {
            ["GhStats:Bootstrap:AdminEmails:0"] = "admin@example.com",
            ["GhStats:Bootstrap:AdminEmails:1"] = "admin at example.com",
            ["GhStats:Bootstrap:AdminEmails:2"] = "@example.com",
        });

        var error = failure.ShouldBeOfType<OptionsValidationException>();
        error.OptionsType.ShouldBe(typeof(GhStatsBootstrapOptions));
        error.Failures.ShouldBe(
        [
            "GhStats:Bootstrap:AdminEmails:1 'admin at example.com' is not an email address (environment variable GhStats__Bootstrap__AdminEmails__1).",
            "GhStats:Bootstrap:AdminEmails:2 '@example.com' is not an email address (environment variable GhStats__Bootstrap__AdminEmails__2).",
        ]);
    }

    [Fact]
    public async Task ApiOptions_WithBadValues_FailStartUp_WithEveryMessageAtOnce()
    {
        var failure = await StartWithAsync(new Dictionary<string, string?>
        {
            ["GhStats:Api:MaxRequestBodyBytes"] = "10",
            ["GhStats:Api:ResponseCacheMegabytes"] = "-1",
            ["GhStats:Api:AccessCacheLifetime"] = "00:10:00",
            ["GhStats:Api:MaxRangeDays"] = "0",
        });

        var error = failure.ShouldBeOfType<OptionsValidationException>();
        error.OptionsType.ShouldBe(typeof(GhStatsApiOptions));
        error.Failures.Count().ShouldBe(5, error.Message);
        error.Message.ShouldContain("GhStats:Api:MaxRequestBodyBytes");
        error.Message.ShouldContain("GhStats:Api:ResponseCacheMegabytes");
        error.Message.ShouldContain("GhStats:Api:AccessCacheLifetime");
        error.Message.ShouldContain("GhStats:Api:MaxRangeDays must be positive");
        error.Message.ShouldContain("GhStats:Api:DefaultRangeDays must be between 1 and MaxRangeDays");
    }

    [Fact]
    public async Task BadValuesInEveryConcern_FailStartUp_TogetherInOneError()
    {
        var failure = await StartWithAsync(new Dictionary<string, string?>
        {
            ["GhStats:Authentication:SessionIdleTimeout"] = "00:00:00",
            ["GhStats:Bootstrap:AdminEmails:0"] = "nobody",
            ["GhStats:Cron:Secret"] = "too-short",
            ["GhStats:Api:MaxRangeDays"] = "0",
            ["GhStats:Collector:MaxConcurrency"] = "0",
            ["GhStats:Storage:Schema"] = "Not A Schema",
            ["GhStats:Sqlite:ConnectionString"] = "Data Source=x.db;Flavour=Strawberry",
        });

        var errors = failure.ShouldBeOfType<AggregateException>().InnerExceptions.Cast<OptionsValidationException>().ToList();
        errors.Select(e => e.OptionsType).ShouldBe(
        [
            typeof(GhStatsStorageOptions), typeof(Sqlite.GhStatsSqliteOptions), typeof(GitHubCollectorOptions), typeof(GhStatsAuthenticationOptions),
            typeof(GhStatsBootstrapOptions), typeof(GhStatsCronOptions), typeof(GhStatsApiOptions),
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CodeConfiguration_WinsOverConfiguration_BeforeOrAfterTheEntryMethods(bool afterAddWeb)
    {
        var settings = new Dictionary<string, string?>
        {
            ["GhStats:Authentication:DevelopmentSignIn"] = "true",
            ["GhStats:Bootstrap:AdminEmails:0"] = "configured@example.com",
            ["GhStats:Cron:Secret"] = ConfiguredSecret,
            ["GhStats:Api:DefaultRangeDays"] = "7",
            ["GhStats:Collector:MaxConcurrency"] = "5",
            ["GhStats:Storage:CommandTimeout"] = "00:00:20",
        };
        static void InCode(GhStatsBuilder ghStats) => ghStats
            .ConfigureAuthentication(o => o.DevelopmentSignIn = false)
            .ConfigureBootstrap(o => o.AdminEmails.Add("coded@example.com"))
            .ConfigureCron(o => o.Secret = CodeSecret)
            .ConfigureApi(o => o.DefaultRangeDays = 45)
            .ConfigureCollector(o => o.MaxConcurrency = 3)
            .ConfigureStorage(o => o.CommandTimeout = TimeSpan.FromSeconds(45));

        await using var app = await WebApp.StartAsync(new WebAppOptions
        {
            Settings = settings,
            ConfigureGhStats = afterAddWeb ? null : InCode,

            // A second AddGhStats() changes nothing but hands back a builder, as a later part of a host's set-up would use it.
            ConfigureServices = afterAddWeb ? services => InCode(services.AddGhStats()) : null,
        });

        app.Get<IOptions<GhStatsAuthenticationOptions>>().Value.DevelopmentSignIn.ShouldBeFalse();
        app.Get<IOptions<GhStatsBootstrapOptions>>().Value.AdminEmails.ShouldBe(["configured@example.com", "coded@example.com"]);
        app.Get<IOptions<GhStatsCronOptions>>().Value.Secret.ShouldBe(CodeSecret);
        app.Get<IOptions<GhStatsApiOptions>>().Value.DefaultRangeDays.ShouldBe(45);
        app.Get<IOptions<GitHubCollectorOptions>>().Value.MaxConcurrency.ShouldBe(3);
        app.Get<IOptions<GhStatsStorageOptions>>().Value.CommandTimeout.ShouldBe(TimeSpan.FromSeconds(45));
    }

    [Fact]
    public async Task CodeConfiguration_IsValidatedAtStartToo()
    {
        var failure = await Should.ThrowAsync<OptionsValidationException>(() => WebApp.StartAsync(new WebAppOptions
        {
            ConfigureGhStats = ghStats => ghStats.ConfigureCron(o => o.Secret = "set-in-code"),
        }));

        failure.Message.ShouldContain("GhStats:Cron:Secret has 11 characters");
    }

    private static async Task<Exception> StartWithAsync(Dictionary<string, string?> settings)
    {
        try
        {
            await using var app = await WebApp.StartAsync(new WebAppOptions { Settings = settings });
        }
        catch (Exception exception) when (exception is OptionsValidationException or AggregateException)
        {
            return exception;
        }

        throw new ShouldAssertException("The app started with bad settings.");
    }
}
