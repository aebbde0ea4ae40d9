using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace GhStats.Web.Tests.Browser.Localized;

/// <summary>
/// The pseudo-locale of the pseudo-locale test: wraps the app's real <see cref="IStringLocalizerFactory"/> so that every
/// resource string comes out as its English text with each letter swapped for an accented look-alike, lengthened by about
/// 40 % and fenced by markers: "Skip to content" becomes "[!! Ŝķîƥ ţö ċöñţéñţ ~~~~~~ !!]". Placeholders ({0}, {count})
/// stay intact, so formatting works and the values land inside the markers. Text on a page outside any marker did not
/// come from the resources; longer strings show where the layout clips or overlaps text.
/// </summary>
internal sealed class PseudoLocalizerFactory(IStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public const string Open = "[!!";
    public const string Close = "!!]";

    private const string Plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Accented = "àƀċðéƒĝĥîĵķļɱñöƥʠŕšţûṽŵẋýžÀƁĊÐÉƑĜĤÎĴĶĻṀÑÖƤꝖŔŠŢÛṼŴẊÝŽ";

    private static readonly Regex Placeholder = new(@"(\{[^{}]*\})", RegexOptions.Compiled);

    public IStringLocalizer Create(Type resourceSource) => new PseudoLocalizer(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new PseudoLocalizer(inner.Create(baseName, location));

    /// <summary>The pseudo string of <paramref name="english"/>; placeholders are kept as they are.</summary>
    public static string Pseudo(string english)
    {
        var text = new StringBuilder(Open).Append(' ');
        foreach (var part in Placeholder.Split(english))
        {
            if (Placeholder.IsMatch(part))
            {
                text.Append(part);
                continue;
            }

            foreach (var c in part)
            {
                var index = Plain.IndexOf(c, StringComparison.Ordinal);
                text.Append(index < 0 ? c : Accented[index]);
            }
        }

        return text.Append(' ').Append('~', Math.Max(2, english.Length * 2 / 5)).Append(' ').Append(Close).ToString();
    }

    private sealed class PseudoLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name]
        {
            get
            {
                var english = English(() => inner[name]);
                return english.ResourceNotFound ? english : new LocalizedString(name, Pseudo(english.Value), false, english.SearchedLocation);
            }
        }

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var english = English(() => inner[name]);
                var pattern = english.ResourceNotFound ? english.Value : Pseudo(english.Value);
                // Formats with the request's culture, whose dates and numbers the pseudo run chose to write without Latin letters.
                return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, pattern, arguments), english.ResourceNotFound, english.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
            English(() => inner.GetAllStrings(includeParentCultures).ToList())
                .Select(text => new LocalizedString(text.Name, Pseudo(text.Value), text.ResourceNotFound, text.SearchedLocation))
                .ToList();

        /// <summary>The English (neutral) strings, whatever language the request speaks.</summary>
        private static T English<T>(Func<T> read)
        {
            var culture = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            try
            {
                return read();
            }
            finally
            {
                CultureInfo.CurrentUICulture = culture;
            }
        }
    }
}
