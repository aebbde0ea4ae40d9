namespace GhStats.Client.Tests.Harness;

/// <summary>A clock that starts at a chosen instant, runs in real time, and can be moved ahead (to expire tokens).</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _startTimestamp = System.GetTimestamp();
    private long _advancedTicks;

    public override DateTimeOffset GetUtcNow() => start + System.GetElapsedTime(_startTimestamp) + TimeSpan.FromTicks(Interlocked.Read(ref _advancedTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _advancedTicks, by.Ticks);
}
