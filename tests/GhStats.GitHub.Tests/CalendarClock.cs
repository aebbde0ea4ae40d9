namespace GhStats.GitHub.Tests;

/// <summary>A clock set to a chosen day that then runs in real time, so calendars can jump while waits stay real.</summary>
internal sealed class CalendarClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _anchor = start;
    private long _anchorTimestamp = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _anchor + System.GetElapsedTime(_anchorTimestamp);
        }
    }

    public void Set(DateTimeOffset now)
    {
        lock (_gate)
        {
            _anchor = now;
            _anchorTimestamp = System.GetTimestamp();
        }
    }
}
