using System.Globalization;
using GhStats.Domain;

namespace GhStats.Notifications.Events;

/// <summary>An ISO week (Monday to Sunday, UTC), as the weekly digest reports it.</summary>
/// <param name="Monday">Its first day.</param>
internal sealed record DigestWeek(DateOnly Monday)
{
    /// <summary>"2026-W48": the ISO year (which may differ from the calendar year around New Year) and week number.</summary>
    public string Name
    {
        get
        {
            var day = Monday.ToDateTime(TimeOnly.MinValue);
            return FormattableString.Invariant($"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}");
        }
    }

    /// <summary>Monday to Sunday.</summary>
    public DateRange Days => new(Monday, Monday.AddDays(6));

    /// <summary>The week before.</summary>
    public DigestWeek Previous => new(Monday.AddDays(-7));

    /// <summary>The tenant channels' event key: <c>digest:2026-W48</c>.</summary>
    public string Key => "digest:" + Name;

    /// <summary>A subscriber's event key: <c>digest:2026-W48:user:7</c>.</summary>
    public string KeyFor(long userId) => FormattableString.Invariant($"{Key}:user:{userId}");

    /// <summary>
    /// The week whose digest is due at <paramref name="now"/>: on Monday (UTC) from <paramref name="hourUtc"/> to the
    /// day's end, the ISO week that ended the day before; at any other time none. A process that is down all Monday
    /// sends no digest that week rather than a late one on another day.
    /// </summary>
    public static DigestWeek? DueAt(DateTimeOffset now, int hourUtc)
    {
        var utc = now.UtcDateTime;
        return utc.DayOfWeek == DayOfWeek.Monday && utc.Hour >= hourUtc
            ? new DigestWeek(DateOnly.FromDateTime(utc).AddDays(-7))
            : null;
    }
}
