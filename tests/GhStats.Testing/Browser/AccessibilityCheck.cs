using System.Text.Json;
using Microsoft.Playwright;

namespace GhStats.Testing.Browser;

/// <summary>
/// Runs axe-core (from npm, locked in tests/GhStats.Testing/Browser/axe) in a page and reports the WCAG 2.0 and 2.1
/// level A and AA rules it breaks: labels, names, keyboard use, contrast and the rest of axe's rules with those tags.
/// </summary>
/// <remarks>
/// axe is put in the page with <c>page.EvaluateAsync(source)</c>: Playwright runs that through the DevTools protocol, which
/// the page's Content-Security-Policy does not govern, so it works under GhStats' <c>script-src 'self'</c> without
/// turning the policy off. <c>AddScriptTagAsync</c> with the source as content would add an inline script, which that
/// policy blocks (and reports as a console error); the tests in GhStats.Testing.Tests/Browser show both.
/// </remarks>
public sealed class AccessibilityCheck
{
    /// <summary>The axe tags run: WCAG 2.0 and 2.1, levels A and AA.</summary>
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly string[] AxeFolder = ["tests", "GhStats.Testing", "Browser", "axe"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Runs in the page: violations only (passes and incomplete results are not needed), as a JSON string.
    private const string RunScript = """
        async (tags) => {
            const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
            return JSON.stringify(results.violations.map(violation => ({
                id: violation.id,
                impact: violation.impact,
                help: violation.help,
                helpUrl: violation.helpUrl,
                elements: violation.nodes.map(node => ({
                    target: node.target.map(part => Array.isArray(part) ? part.join(' >>> ') : String(part)).join(' >>> '),
                    html: node.html,
                    failureSummary: node.failureSummary ?? '',
                })),
            })));
        }
        """;

    private readonly string _axeSource;

    /// <summary>A check that injects <paramref name="axeSource"/>, the text of axe-core's <c>axe.min.js</c>.</summary>
    public AccessibilityCheck(string axeSource)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(axeSource);
        _axeSource = axeSource;
    }

    /// <summary>The full path of axe.min.js in the repository's axe npm folder (it exists after <c>npm ci</c> there).</summary>
    public static string AxeScriptPath => Path.Combine([RepositoryRoot.Find("axe-core"), .. AxeFolder, "node_modules", "axe-core", "axe.min.js"]);

    /// <summary>Reads axe.min.js from the repository's axe npm folder; throws saying how to install it when it is missing.</summary>
    public static AccessibilityCheck FromRepository()
    {
        var path = AxeScriptPath;
        if (!File.Exists(path))
        {
            var folder = Path.Combine([RepositoryRoot.Find("axe-core"), .. AxeFolder]);
            throw new InvalidOperationException(
                $"axe-core is not installed: {path} is missing. Run ./test.sh, which installs it, or run `npm ci` in {folder}.");
        }

        return new AccessibilityCheck(File.ReadAllText(path));
    }

    /// <summary>Injects axe into <paramref name="page"/> unless it is already there, runs it on the whole document, and reports what it found.</summary>
    public async Task<AccessibilityReport> RunAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            // Wrapped in a function so that Playwright never reads the source as a function to call, and the
            // completion value (whatever the file's last expression is) is not sent back.
            await page.EvaluateAsync("() => { " + _axeSource + "\n}");
        }

        var json = await page.EvaluateAsync<string>(RunScript, WcagTags);
        var violations = JsonSerializer.Deserialize<List<AccessibilityViolation>>(json, Json)
            ?? throw new InvalidOperationException("axe returned no violations list.");
        return new AccessibilityReport(page.Url, violations);
    }
}
