using GhStats.GitHub.Client;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace GhStats.GitHub.Tests;

/// <summary>
/// A connection's pacing on a clock the test moves: no sliding minute holds more than GitHub's secondary limit; a lane
/// that takes turns starts its requests evenly spaced, so that holds even when it changes hands and its next holder
/// starts with a budget of its own.
/// </summary>
public sealed class GitHubApiBudgetTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ALaneHeldUntilDone_StartsAMinutesRequestsAtOnce_ThenWaitsForTheWindow()
    {
        var clock = new FakeTimeProvider(Start);
        var budget = new GitHubApiBudget(60, TimeSpan.FromMinutes(1), clock);

        for (var i = 0; i < 60; i++)
        {
            var turn = budget.WaitTurnAsync(CancellationToken.None);
            turn.IsCompleted.ShouldBeTrue($"request {i + 1} of the minute starts at once");
            (await turn).Dispose();
        }

        var next = budget.WaitTurnAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(60));
        next.IsCompleted.ShouldBeFalse("the 61st waits until the first leaves the window (61 s, a second of margin)");
        clock.Advance(TimeSpan.FromSeconds(1));
        (await next.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task ALaneThatTakesTurns_StartsItsRequestsEvenlySpaced_NotInABurst()
    {
        var clock = new FakeTimeProvider(Start);
        var budget = new GitHubApiBudget(60, TimeSpan.FromMinutes(1), clock, evenlySpaced: true);

        (await budget.WaitTurnAsync(CancellationToken.None)).Dispose();
        var second = budget.WaitTurnAsync(CancellationToken.None);
        second.IsCompleted.ShouldBeFalse("60 a minute: the next starts 61/60 s after the first, not at once");

        clock.Advance(TimeSpan.FromSeconds(1));
        second.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(20));
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Theory]
    [InlineData(900, 25)]
    [InlineData(900, 59)]
    [InlineData(120, 7)]
    public async Task ALaneThatTakesTurns_HandedOverWithinAMinute_KeepsEveryMinuteUnderTheLimit(int perMinute, int handOverAfterSeconds)
    {
        // Two holders one after the other, each with its own budget (as a lane's next holder has), each starting requests
        // as fast as its budget lets it (the answers come at once).
        var clock = new FakeTimeProvider(Start);
        var starts = new List<DateTimeOffset>();
        await StartAsFastAsAllowedAsync(new GitHubApiBudget(perMinute, TimeSpan.FromMinutes(1), clock, evenlySpaced: true), clock, Start.AddSeconds(handOverAfterSeconds), starts);
        await StartAsFastAsAllowedAsync(new GitHubApiBudget(perMinute, TimeSpan.FromMinutes(1), clock, evenlySpaced: true), clock, Start.AddSeconds(handOverAfterSeconds + 90), starts);

        starts.Count.ShouldBeGreaterThan(perMinute, "the holders ran long enough to fill more than a minute");
        var busiest = starts.Max(first => starts.Count(s => s >= first && s < first.AddSeconds(60)));
        busiest.ShouldBeLessThanOrEqualTo(perMinute, "GitHub counts a minute's requests over both holders");
    }

    /// <summary>Takes every slot the budget gives until <paramref name="until"/>, moving the clock a millisecond at a time while it waits.</summary>
    private static async Task StartAsFastAsAllowedAsync(GitHubApiBudget budget, FakeTimeProvider clock, DateTimeOffset until, List<DateTimeOffset> starts)
    {
        while (clock.GetUtcNow() < until)
        {
            var turn = budget.WaitTurnAsync(CancellationToken.None);
            while (!turn.IsCompleted && clock.GetUtcNow() < until)
            {
                clock.Advance(TimeSpan.FromMilliseconds(1));
                await Task.Yield();
            }

            if (!turn.IsCompleted)
            {
                // The holder's time is up: it hands the lane over with this request never started.
                return;
            }

            starts.Add(clock.GetUtcNow());

            // The answer comes at once: the places are not what binds here.
            (await turn).Dispose();
        }
    }
}
