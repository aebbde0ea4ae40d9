using System.Globalization;
using GhStats.Domain;
using Microsoft.AspNetCore.Http;

namespace GhStats.Web.Api;

/// <summary>Reads and checks <c>from</c>, <c>to</c> and <c>per</c> of a traffic query.</summary>
internal static class RangeQuery
{
    /// <summary>GitHub opened in 2008; nothing earlier can hold traffic.</summary>
    private static readonly DateOnly Earliest = new(2008, 1, 1);

    public static DateRange Range(HttpRequest request, GhStatsApiOptions options, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var to = Date(request, "to") ?? today;
        var from = Date(request, "from") ?? to.AddDays(-(options.DefaultRangeDays - 1));
        if (from > to)
        {
            throw ApiProblems.Invalid($"The range is reversed: from {from:yyyy-MM-dd} is after to {to:yyyy-MM-dd}.");
        }

        if (from < Earliest || to > today.AddDays(1))
        {
            throw ApiProblems.Invalid($"The range must lie between {Earliest:yyyy-MM-dd} and {today.AddDays(1):yyyy-MM-dd}.");
        }

        var days = to.DayNumber - from.DayNumber + 1;
        if (days > options.MaxRangeDays)
        {
            throw ApiProblems.Invalid($"The range covers {days} days; at most {options.MaxRangeDays} are allowed (GhStats:Api:MaxRangeDays).");
        }

        return new DateRange(from, to);
    }

    public static TrafficPeriod Per(HttpRequest request) =>
        WireNames.PeriodFrom(request.Query["per"]) ?? throw ApiProblems.Invalid($"per must be day, week or month, not '{request.Query["per"]}'.");

    private static DateOnly? Date(HttpRequest request, string name)
    {
        var values = request.Query[name];
        if (values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw ApiProblems.Invalid($"{name} is given {values.Count} times.");
        }

        return DateOnly.TryParseExact(values[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw ApiProblems.Invalid($"{name} must be a date as yyyy-MM-dd, not '{values[0]}'.");
    }
}
