using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace GhStats.Testing.Browser;

/// <summary>
/// A page in its own browser context, opened by <see cref="ChromiumFixture.NewPageAsync"/>, that records what a browser
/// test asserts did not happen: console errors (Content-Security-Policy violations among them), uncaught exceptions,
/// failed requests and error responses. Drive it through <see cref="Page"/>; dispose it to close the context.
/// </summary>
/// <remarks>
/// A page that declares no icon makes Chromium ask for <c>/favicon.ico</c> (once per browser and origin, after the
/// page has loaded); a 404 there is a console error like any other, so the pages under test declare their icon.
/// </remarks>
public sealed class BrowserPage : IAsyncDisposable
{
    // Chromium's own line for a response of 400 or more; it comes with the resource's address as its location.
    private const string ErrorResponseConsolePrefix = "Failed to load resource: the server responded with a status of ";

    private readonly Lock _lock = new();
    private readonly List<ConsoleEntry> _console = [];
    private readonly List<string> _uncaught = [];
    private readonly List<string> _failedRequests = [];
    private readonly List<ErrorResponse> _errorResponses = [];
    private readonly List<(int Status, string? UrlContains)> _allowedResponses = [];
    private readonly ChromiumFixture _fixture;

    private BrowserPage(IBrowserContext context, IPage page, BrowserPageOptions options, ChromiumFixture fixture)
    {
        Context = context;
        Page = page;
        Options = options;
        _fixture = fixture;
    }

    /// <summary>The Playwright page: navigate, click, type and read with it.</summary>
    public IPage Page { get; }

    /// <summary>The page's own browser context: cookies, storage, routes, further pages.</summary>
    public IBrowserContext Context { get; }

    /// <summary>What the page was opened with: color scheme, viewport, base address.</summary>
    public BrowserPageOptions Options { get; }

    /// <summary>
    /// Console messages of type error (what the page logs with <c>console.error</c>, and what Chromium logs itself:
    /// Content-Security-Policy violations, resources that failed to load) and uncaught exceptions, in order of arrival
    /// per kind. Chromium's "Failed to load resource" line for a response allowed by <see cref="AllowErrorResponse"/> is left out.
    /// </summary>
    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_lock)
            {
                return
                [
                    .. _console.Where(entry => !IsAllowedErrorResponseLine(entry)).Select(entry => entry.ToString()),
                    .. _uncaught.Select(error => "uncaught exception: " + error),
                ];
            }
        }
    }

    /// <summary>
    /// Requests that failed (network errors, blocked or aborted requests) and responses with a status of 400 or more
    /// that <see cref="AllowErrorResponse"/> does not allow, as "METHOD url: reason".
    /// </summary>
    public IReadOnlyList<string> FailedRequests
    {
        get
        {
            lock (_lock)
            {
                return
                [
                    .. _failedRequests,
                    .. _errorResponses.Where(response => !IsAllowed(response.Status, response.Url)).Select(response => response.ToString()),
                ];
            }
        }
    }

    /// <summary>
    /// Opens the page in <paramref name="context"/> and starts recording; the context belongs to the page from then on.
    /// </summary>
    internal static async Task<BrowserPage> OpenAsync(IBrowserContext context, BrowserPageOptions options, ChromiumFixture fixture)
    {
        var page = await context.NewPageAsync();
        var browserPage = new BrowserPage(context, page, options, fixture);
        context.Console += (_, message) => browserPage.OnConsole(message);
        context.WebError += (_, error) => browserPage.Record(browserPage._uncaught, error.Error);
        context.RequestFailed += (_, request) => browserPage.Record(browserPage._failedRequests, $"{request.Method} {request.Url}: {request.Failure}");
        context.Response += (_, response) => browserPage.OnResponse(response);
        return browserPage;
    }

    /// <summary>
    /// Takes a response of <paramref name="status"/> (to an address containing <paramref name="urlContains"/>, when given)
    /// as expected: it is left out of <see cref="FailedRequests"/>, and Chromium's console line about it out of
    /// <see cref="ConsoleErrors"/>. For a test that expects, say, a 403. Applies to responses already recorded too.
    /// </summary>
    public void AllowErrorResponse(int status, string? urlContains = null)
    {
        lock (_lock)
        {
            _allowedResponses.Add((status, urlContains));
        }
    }

    /// <summary>
    /// Throws <see cref="BrowserAssertionException"/> listing every console error, uncaught exception and failed request,
    /// if there are any. A round trip to the page first lets the events it has already sent arrive.
    /// </summary>
    public async Task AssertNoErrorsAsync()
    {
        if (!Page.IsClosed)
        {
            await Page.EvaluateAsync("() => 0");
        }

        var consoleErrors = ConsoleErrors;
        var failedRequests = FailedRequests;
        if (consoleErrors.Count == 0 && failedRequests.Count == 0)
        {
            return;
        }

        var message = new StringBuilder().Append(CultureInfo.InvariantCulture, $"The page {Page.Url} had errors:");
        foreach (var line in consoleErrors.Concat(failedRequests))
        {
            message.AppendLine().Append("- ").Append(line);
        }

        throw new BrowserAssertionException(message.ToString());
    }

    /// <summary>Runs axe-core's WCAG 2.0 and 2.1 A and AA rules on the page as it is now; see <see cref="AccessibilityCheck"/>.</summary>
    public Task<AccessibilityReport> CheckAccessibilityAsync() => _fixture.Accessibility.RunAsync(Page);

    /// <summary>
    /// Saves a full-page PNG as <c>artifacts/screenshots/{pageName}.{light|dark}[.phone].png</c>, the parts after the
    /// name taken from this page's options, and returns the file's full path.
    /// </summary>
    public Task<string> SaveScreenshotAsync(string pageName) =>
        _fixture.Screenshots.SaveAsync(Page, pageName, Options.ColorScheme, Options.Viewport);

    /// <summary>Closes the page's browser context.</summary>
    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private void OnConsole(IConsoleMessage message)
    {
        if (message.Type != "error")
        {
            return;
        }

        lock (_lock)
        {
            _console.Add(new ConsoleEntry(message.Text, message.Location));
        }
    }

    private void OnResponse(IResponse response)
    {
        if (response.Status < 400)
        {
            return;
        }

        lock (_lock)
        {
            _errorResponses.Add(new ErrorResponse(response.Request.Method, response.Url, response.Status, response.StatusText));
        }
    }

    private void Record(List<string> list, string line)
    {
        lock (_lock)
        {
            list.Add(line);
        }
    }

    private bool IsAllowedErrorResponseLine(ConsoleEntry entry)
    {
        if (!entry.Text.StartsWith(ErrorResponseConsolePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var statusText = entry.Text.AsSpan(ErrorResponseConsolePrefix.Length);
        var end = statusText.IndexOf(' ');
        return int.TryParse(end < 0 ? statusText : statusText[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            && IsAllowed(status, entry.Url);
    }

    private bool IsAllowed(int status, string url) =>
        _allowedResponses.Any(allowed => allowed.Status == status
            && (allowed.UrlContains is null || url.Contains(allowed.UrlContains, StringComparison.Ordinal)));

    private sealed record ConsoleEntry(string Text, string Location)
    {
        // Playwright gives the location as "url:line:column".
        public string Url
        {
            get
            {
                var column = Location.LastIndexOf(':');
                var line = column > 0 ? Location.LastIndexOf(':', column - 1) : -1;
                return line > 0 ? Location[..line] : Location;
            }
        }

        public override string ToString() => Location.Length == 0 ? $"console error: {Text}" : $"console error: {Text} (at {Location})";
    }

    private sealed record ErrorResponse(string Method, string Url, int Status, string StatusText)
    {
        public override string ToString() => $"{Method} {Url}: {Status} {StatusText}".TrimEnd();
    }
}
