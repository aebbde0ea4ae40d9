namespace GhStats.Testing;

/// <summary>
/// A clock set to a chosen instant that then runs in real time: the calendar is the test's, the waits stay real. A test
/// can move it to another instant (<see cref="Set"/>, forwards or back) or jump it ahead (<see cref="Advance"/>), to
/// expire a token or outlast a lease without waiting for it.
/// </summary>
/// <remarks>
/// Not a <c>FakeTimeProvider</c>: that one stands still until a test moves it, and so do its timers and delays. The
/// tests that use this clock run a whole collector or web app, whose retries, schedules, progress timers and polls all
/// wait on the clock they are given; on a manual clock they would never fire unless the test drove every wait by hand.
/// A <c>FakeTimeProvider</c> also refuses to go back, and moving both calendars (GhStats' and the GitHub simulator's)
/// to the same day goes back by the milliseconds run since the start. Tests that only need a fixed "now" and wait on
/// nothing use <c>FakeTimeProvider</c>.
/// </remarks>
public sealed class CalendarClock : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _anchor;
    private long _anchorTimestamp;

    /// <summary>Creates a clock that reads <paramref name="start"/> now and runs on from there.</summary>
    public CalendarClock(DateTimeOffset start) => Set(start);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _anchor + GetElapsedTime(_anchorTimestamp);
        }
    }

    /// <summary>Moves the clock to <paramref name="now"/>; it runs on in real time from there.</summary>
    public void Set(DateTimeOffset now)
    {
        lock (_gate)
        {
            _anchor = now;
            _anchorTimestamp = GetTimestamp();
        }
    }

    /// <summary>Moves the clock ahead by <paramref name="by"/> at once; it keeps running.</summary>
    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _anchor += by;
        }
    }
}
