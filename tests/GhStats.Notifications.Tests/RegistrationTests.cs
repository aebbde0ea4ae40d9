using GhStats.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace GhStats.Notifications.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddNotifications_WithoutAStore_FailsNamingTheProviderToAdd()
    {
        var services = new ServiceCollection();
        services.AddGhStats().AddNotifications();
        using var provider = services.BuildServiceProvider();

        var failure = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GhStatsNotificationsOptions>>().Value);

        failure.Message.ShouldContain("AddNotifications() needs a store");
        failure.Message.ShouldContain("UseSqlite(...)");
        failure.Message.ShouldContain("ISecretProtector");
    }

    [Fact]
    public void Options_AreBoundFromTheNotificationsSection_ThenCode()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GhStats:Notifications:PublicBaseUrl"] = "https://stats.example.com/app/",
            ["GhStats:Notifications:MaxAttempts"] = "5",
            ["GhStats:Notifications:Smtp:Host"] = "smtp.example.com",
            ["GhStats:Notifications:Smtp:Security"] = "SslOnConnect",
            ["GhStats:Notifications:Smtp:From"] = "GhStats <ghstats@example.com>",
            ["GhStats:Notifications:Digest:HourUtc"] = "7",
        }).Build();
        var services = new ServiceCollection();
        services.AddGhStats(configuration.GetSection("GhStats")).UseSqlite("Data Source=:memory:")
            .AddNotifications(o => o.RetryBaseDelay = TimeSpan.FromSeconds(5))
            .ConfigureNotifications(o => o.Spike.Floor = 10);
        using var provider = services.BuildServiceProvider();

        // The configuration steps alone: the dependencies check (a store) is another test's concern.
        var options = new GhStatsNotificationsOptions();
        foreach (var step in provider.GetServices<IConfigureOptions<GhStatsNotificationsOptions>>())
        {
            step.Configure(options);
        }

        options.PublicBaseUrl.ShouldBe(new Uri("https://stats.example.com/app/"));
        options.MaxAttempts.ShouldBe(5);
        options.Smtp.Security.ShouldBe(SmtpSecurity.SslOnConnect);
        options.Smtp.Port.ShouldBe(587);
        options.Digest.HourUtc.ShouldBe(7);
        options.RetryBaseDelay.ShouldBe(TimeSpan.FromSeconds(5));
        options.Spike.Floor.ShouldBe(10);
        options.PollInterval.ShouldBe(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void Options_ReportEveryBadSettingAtOnce()
    {
        var services = new ServiceCollection();
        services.AddGhStats().UseSqlite("Data Source=:memory:").AddNotifications(o =>
        {
            o.MaxAttempts = 0;
            o.PollInterval = TimeSpan.Zero;
            o.Smtp.Host = "smtp.example.com";
            o.Digest.HourUtc = 24;
            o.Spike.Factor = 0.5;
        });
        using var provider = services.BuildServiceProvider();

        var failure = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GhStatsNotificationsOptions>>().Value);

        failure.Failures.ShouldContain(f => f.Contains("GhStats:Notifications:MaxAttempts is 0"));
        failure.Failures.ShouldContain(f => f.Contains("GhStats:Notifications:PollInterval"));
        failure.Failures.ShouldContain(f => f.Contains("GhStats:Notifications:Smtp:From is not set"));
        failure.Failures.ShouldContain(f => f.Contains("GhStats:Notifications:Digest:HourUtc is 24"));
        failure.Failures.ShouldContain(f => f.Contains("GhStats:Notifications:Spike:Factor"));
    }

    [Fact]
    public void Options_WithoutAnSmtpHost_AreValid()
    {
        var result = new GhStatsNotificationsOptionsValidator().Validate(null, new GhStatsNotificationsOptions());

        result.Succeeded.ShouldBeTrue(result.FailureMessage);
    }

    [Fact]
    public void AddNotifications_Twice_RegistersOneDispatcher_AndTheTester()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGhStats().UseSqlite("Data Source=:memory:").AddNotifications().AddNotifications();
        using var provider = services.BuildServiceProvider();

        provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Delivery.NotificationDispatcher>().Count().ShouldBe(1);
        provider.GetRequiredService<INotificationChannelTester>().ShouldBeOfType<Delivery.NotificationChannelTester>();
        provider.GetServices<Senders.INotificationSender>().Select(s => s.Kind).Order()
            .ShouldBe([Domain.NotificationChannelKind.Webhook, Domain.NotificationChannelKind.Slack, Domain.NotificationChannelKind.Email]);
        provider.GetRequiredService<IOptions<GhStatsNotificationsOptions>>().Value.MaxAttempts.ShouldBe(8);
    }
}
