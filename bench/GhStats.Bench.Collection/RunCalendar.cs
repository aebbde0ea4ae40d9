namespace GhStats.Bench.Collection;

/// <summary>
/// GhStats' calendar in a benchmark: starts at a fixed instant, runs at real speed (so pacing and timeouts work), and is
/// set ahead to each run's day or hour, as the simulator's clock is.
/// </summary>
internal sealed class RunCalendar(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();

    /// <summary>How far the calendar has been set ahead of <c>start</c> plus the real time since.</summary>
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => start + Offset + System.GetElapsedTime(_started);
}
