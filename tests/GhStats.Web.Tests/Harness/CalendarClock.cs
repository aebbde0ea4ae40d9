namespace GhStats.Web.Tests.Harness;

/// <summary>A clock set to a chosen instant that then runs in real time, so an app can live on the GitHub simulator's calendar.</summary>
public sealed class CalendarClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _startTimestamp = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + System.GetElapsedTime(_startTimestamp);
}
