using GhStats.Notifications.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace GhStats.Notifications.Tests;

public sealed class RetryBackoffTests
{
    [Fact]
    public void Delay_DoublesPerAttempt_WithinAQuarterEitherSide()
    {
        var backoff = Backoff(TimeSpan.FromSeconds(30), seed: 7);

        for (var attempt = 1; attempt <= 8; attempt++)
        {
            var nominal = 30 * Math.Pow(2, attempt - 1);
            backoff.Delay(attempt, null).TotalSeconds.ShouldBeInRange(nominal * 0.75, nominal * 1.25);
        }
    }

    [Fact]
    public void Delay_IsSpreadByTheJitter()
    {
        var backoff = Backoff(TimeSpan.FromSeconds(30), seed: 1);

        Enumerable.Range(0, 20).Select(_ => backoff.Delay(1, null)).Distinct().Count().ShouldBeGreaterThan(10);
    }

    [Fact]
    public void Delay_HonoursALongerRetryAfter_AndStopsAtADay()
    {
        var backoff = Backoff(TimeSpan.FromSeconds(30), seed: 3);

        backoff.Delay(1, TimeSpan.FromHours(2)).ShouldBe(TimeSpan.FromHours(2));
        backoff.Delay(1, TimeSpan.FromSeconds(1)).TotalSeconds.ShouldBeGreaterThanOrEqualTo(22.5);
        backoff.Delay(40, null).ShouldBe(TimeSpan.FromDays(1));
        backoff.Delay(1, TimeSpan.FromDays(9)).ShouldBe(TimeSpan.FromDays(1));
    }

    private static RetryBackoff Backoff(TimeSpan baseDelay, int seed)
    {
        var services = new ServiceCollection();
        services.AddOptions<GhStatsNotificationsOptions>().Configure(o => o.RetryBaseDelay = baseDelay);
        var options = services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<GhStatsNotificationsOptions>>();
        return new RetryBackoff(options, new DeliveryJitter(new Random(seed)));
    }
}
