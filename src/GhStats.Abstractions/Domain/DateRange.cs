namespace GhStats.Domain;

/// <summary>An inclusive range of UTC days.</summary>
public sealed record DateRange
{
    /// <summary>Creates a range; <paramref name="from"/> may not be after <paramref name="to"/>.</summary>
    /// <param name="from">First day, inclusive.</param>
    /// <param name="to">Last day, inclusive.</param>
    /// <exception cref="ArgumentException">When the range is reversed.</exception>
    public DateRange(DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            throw new ArgumentException($"The range is reversed: from {from:yyyy-MM-dd} is after to {to:yyyy-MM-dd}.", nameof(from));
        }

        From = from;
        To = to;
    }

    /// <summary>First day, inclusive.</summary>
    public DateOnly From { get; }

    /// <summary>Last day, inclusive.</summary>
    public DateOnly To { get; }

    /// <summary>The number of days in the range.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>Whether <paramref name="day"/> lies in the range.</summary>
    /// <param name="day">The day.</param>
    /// <returns>True when From &lt;= day &lt;= To.</returns>
    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>The range widened to whole periods: Monday to Sunday for weeks, first to last day for months.</summary>
    /// <param name="per">The period.</param>
    /// <returns>The widened range (itself for days).</returns>
    public DateRange AlignTo(TrafficPeriod per) => per switch
    {
        TrafficPeriod.Day => this,
        TrafficPeriod.Week => new DateRange(PeriodStartOf(From, per), WeekStartOf(To).AddDays(6)),
        TrafficPeriod.Month => new DateRange(
            PeriodStartOf(From, per),
            new DateOnly(To.Year, To.Month, DateTime.DaysInMonth(To.Year, To.Month))),
        _ => throw new ArgumentOutOfRangeException(nameof(per), per, "Unknown traffic period."),
    };

    /// <summary>The first day of the period holding <paramref name="day"/>: the day itself, its week's Monday or its month's first day.</summary>
    /// <param name="day">Any day.</param>
    /// <param name="per">The period.</param>
    /// <returns>The period's first day.</returns>
    public static DateOnly PeriodStartOf(DateOnly day, TrafficPeriod per) => per switch
    {
        TrafficPeriod.Week => WeekStartOf(day),
        TrafficPeriod.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    /// <summary>The Monday that starts the week of <paramref name="day"/>, as GitHub's weeks start.</summary>
    /// <param name="day">Any day.</param>
    /// <returns>The Monday on or before it.</returns>
    public static DateOnly WeekStartOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <inheritdoc />
    public override string ToString() => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}
