using System.Globalization;
using System.Text;

namespace GhStats.Testing.Browser;

/// <summary>What axe-core found on one page: the rules it breaks, each with its elements.</summary>
public sealed class AccessibilityReport
{
    internal AccessibilityReport(string url, IReadOnlyList<AccessibilityViolation> violations)
    {
        Url = url;
        Violations = violations;
    }

    /// <summary>The page's address when it was checked.</summary>
    public string Url { get; }

    /// <summary>The broken rules, in axe's order; empty when the page passes.</summary>
    public IReadOnlyList<AccessibilityViolation> Violations { get; }

    /// <summary>The broken rules' ids, sorted, e.g. <c>["color-contrast", "label"]</c>.</summary>
    public IReadOnlyList<string> RuleIds => [.. Violations.Select(violation => violation.Id).Order(StringComparer.Ordinal)];

    /// <summary>Throws <see cref="BrowserAssertionException"/> with <see cref="Describe"/> when any rule is broken.</summary>
    public void AssertNoViolations()
    {
        if (Violations.Count > 0)
        {
            throw new BrowserAssertionException(Describe());
        }
    }

    /// <summary>
    /// A readable list: each rule with its impact, what it asks and where to read more, then each element's selector
    /// and axe's account of what to fix.
    /// </summary>
    public string Describe()
    {
        if (Violations.Count == 0)
        {
            return $"axe found no WCAG 2.1 A or AA violations on {Url}.";
        }

        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"axe found {Violations.Count} WCAG 2.1 A/AA rule(s) broken on {Url}:");
        foreach (var violation in Violations)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact ?? "no impact given"}): {violation.Help} <{violation.HelpUrl}>");
            foreach (var element in violation.Elements)
            {
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"    {element.Target}  {element.Html}");
                foreach (var line in element.FailureSummary.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    text.AppendLine().Append("      ").Append(line);
                }
            }
        }

        return text.ToString();
    }

    /// <inheritdoc cref="Describe"/>
    public override string ToString() => Describe();
}
