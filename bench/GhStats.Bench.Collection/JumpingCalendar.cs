namespace GhStats.Bench.Collection;

/// <summary>A calendar that starts at a fixed instant, runs at real speed (so pacing and timeouts work), and jumps ahead on request.</summary>
internal sealed class JumpingCalendar(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();

    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => start + Offset + System.GetElapsedTime(_started);
}
