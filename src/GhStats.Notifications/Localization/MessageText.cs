using GhStats.Notifications.Events;
using Microsoft.Extensions.Localization;

namespace GhStats.Notifications.Localization;

/// <summary>
/// The phrases every message part shares (<see cref="SharedText"/>), in the current UI culture: counts with their
/// noun in the language's singular or plural, changes, and the few words every message has.
/// </summary>
/// <param name="text">The shared strings.</param>
internal sealed class MessageText(IStringLocalizer<SharedText> text)
{
    public string this[string key] => text[key];

    public string Views(long count) => Counted("Views", count);

    public string UniqueVisitors(long count) => Counted("UniqueVisitors", count);

    public string Repositories(long count) => Counted("Repositories", count);

    public string Days(long count) => Counted("Days", count);

    public string Hours(long count) => Counted("Hours", count);

    public string Minutes(long count) => Counted("Minutes", count);

    /// <summary>"1,204 views, 480 unique visitors": two figures side by side, as the language lists them.</summary>
    public string Pair(string first, string second) => text["ListPair", first, second];

    /// <summary>"+120 (+12.5%)", "-30 (-4.2%)", or "new" when the week before had no views.</summary>
    public string Change(long change, double? percent, bool isNew) =>
        isNew ? text["New"] : $"{Figures.Signed(change)} ({(percent is { } p ? text["Percent", Figures.SignedDecimal(p)] : text["NotAvailable"])})";

    /// <summary>"8 times", "2.5 times".</summary>
    public string Times(double ratio) => text["Times", Figures.Decimal(ratio)];

    private string Counted(string noun, long count) =>
        text[noun + (MessageCulture.IsOne(count) ? "One" : "Other"), Figures.Count(count)];
}
