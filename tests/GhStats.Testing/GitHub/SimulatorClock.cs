namespace GhStats.Testing.GitHub;

/// <summary>
/// The simulated "now" (UTC) that GitHub's 14-day traffic window follows. It stands still until a test moves it,
/// so the same calls always see the same window. It is a <see cref="TimeProvider"/>, so a collector under test can
/// share it; only <see cref="GetUtcNow"/> is simulated (timers and timestamps stay real).
/// </summary>
public sealed class SimulatorClock : TimeProvider
{
    private long _utcTicks;

    /// <summary>Creates a clock standing at <paramref name="utcNow"/>.</summary>
    public SimulatorClock(DateTimeOffset utcNow) => Set(utcNow);

    /// <summary>The simulated UTC day.</summary>
    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().UtcDateTime);

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="utcNow"/> (converted to UTC).</summary>
    public void Set(DateTimeOffset utcNow) => Interlocked.Exchange(ref _utcTicks, utcNow.UtcTicks);

    /// <summary>Moves the clock by <paramref name="by"/> (backwards when negative).</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
