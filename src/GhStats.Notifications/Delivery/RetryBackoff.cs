using Microsoft.Extensions.Options;

namespace GhStats.Notifications.Delivery;

/// <summary>
/// When a failed message is due again: <c>RetryBaseDelay × 2^(attempt − 1)</c>, spread by jitter to between 0.75 and
/// 1.25 times that so that many messages failed together do not return together, never earlier than the receiver's
/// <c>Retry-After</c>, and at most a day.
/// </summary>
internal sealed class RetryBackoff(IOptionsMonitor<GhStatsNotificationsOptions> options, DeliveryJitter jitter)
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    public TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var seconds = options.CurrentValue.RetryBaseDelay.TotalSeconds * Math.Pow(2, exponent) * (0.75 + (0.5 * jitter.NextDouble()));
        var delay = TimeSpan.FromSeconds(Math.Min(seconds, Longest.TotalSeconds));
        if (retryAfter is { } wait && wait > delay)
        {
            delay = wait < Longest ? wait : Longest;
        }

        return delay;
    }
}
