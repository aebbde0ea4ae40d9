using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Ui;

/// <summary>
/// The stylesheet lays pages out with logical properties only (margin-inline-start, inset-block-start, text-align: start
/// ...), so that a page whose html element says dir="rtl" is mirrored without another stylesheet; the pseudo-locale
/// browser test shows the mirrored pages.
/// </summary>
public sealed partial class StylesheetDirectionTests(PageWorld world) : IClassFixture<PageWorld>
{
    [Fact]
    public async Task TheStylesheet_UsesNoPhysicalDirection()
    {
        using var response = await world.App.Anonymous().GetAsync("assets/ghstats.css");
        var css = Comment().Replace(await response.Content.ReadAsStringAsync(), string.Empty);

        var physical = css.Split('\n').Select((line, index) => (Line: index + 1, Text: line.Trim()))
            .Where(line => Physical().IsMatch(line.Text)).Select(line => $"{line.Line}: {line.Text}").ToList();

        css.ShouldContain("margin-inline-start", customMessage: "the stylesheet was read");
        physical.ShouldBeEmpty();
    }

    // margin-left, padding-right, border-left-color, left:, right:, top:, bottom:, float: left, text-align: right, clear: left.
    [GeneratedRegex(@"(?<![\w-])((margin|padding|border|scroll-margin|scroll-padding)-(left|right|top|bottom)(-[a-z]+)?\s*:|(left|right|top|bottom)\s*:|(float|clear|text-align)\s*:\s*(left|right))", RegexOptions.IgnoreCase)]
    private static partial Regex Physical();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
