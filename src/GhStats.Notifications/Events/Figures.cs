using System.Globalization;

namespace GhStats.Notifications.Events;

/// <summary>
/// Numbers, days and instants as messages show them: in the current culture, which a message's
/// <see cref="Localization.MessageCulture"/> scope sets to its recipient's language ("1,234" in English, "1.234" in
/// German, "2026/03/04" in Japanese); instants in UTC, and said so.
/// </summary>
internal static class Figures
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Decimal(double value) => value.ToString("#,0.#", CultureInfo.CurrentCulture);

    /// <summary>A calendar day in the culture's short date form; a day has no time zone to shift.</summary>
    public static string Day(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>An instant as the culture's short date and time, in UTC.</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("g", CultureInfo.CurrentCulture) + " UTC";

    /// <summary>A signed count: "+1,234", "-30", "0".</summary>
    public static string Signed(long value) => value > 0 ? CultureInfo.CurrentCulture.NumberFormat.PositiveSign + Count(value) : Count(value);

    /// <summary>A signed percentage figure without its sign: "+12.5", "-4.2".</summary>
    public static string SignedDecimal(double value) => value > 0 ? CultureInfo.CurrentCulture.NumberFormat.PositiveSign + Decimal(value) : Decimal(value);
}
