using System.Globalization;

namespace GhStats.Notifications.Events;

/// <summary>Numbers, days and instants as messages show them: invariant culture, thousands separated, UTC.</summary>
internal static class Figures
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Count(long value, string one, string many) => $"{Count(value)} {(value == 1 ? one : many)}";

    public static string Decimal(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"+120 (+12.5%)", "-30 (-4.2%)", or "new" when the week before had no views.</summary>
    public static string Change(long change, double? percent, bool isNew) =>
        isNew ? "new" : $"{Signed(change)} ({(percent is { } p ? (p > 0 ? "+" : string.Empty) + Decimal(p) + "%" : "n/a")})";

    private static string Signed(long value) => value > 0 ? "+" + Count(value) : Count(value);
}
