using Microsoft.Playwright;
using Xunit;

namespace GhStats.Testing.Browser;

/// <summary>
/// One headless Chromium (the machine's own, <c>/usr/bin/chromium</c>, driven by Playwright for .NET) shared by the tests
/// of an xunit collection; each test opens fresh pages with <see cref="NewPageAsync"/>. Share it by declaring, in the
/// test project, <c>[CollectionDefinition("Browser")] public sealed class BrowserTests : ICollectionFixture&lt;ChromiumFixture&gt;;</c>.
/// The test project references Microsoft.Playwright itself, which puts Playwright's node driver in its output.
/// </summary>
/// <remarks>
/// Playwright's own browser download is never used (<c>playwright install</c> cannot reach its servers from here): the
/// fixture launches Debian's Chromium, which ./test.sh installs. <c>GHSTATS_TEST_CHROMIUM</c> names another Chromium
/// or Chrome executable, for a machine that keeps it elsewhere.
/// </remarks>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>Where Debian's chromium package puts its launcher.</summary>
    public const string DefaultExecutablePath = "/usr/bin/chromium";

    /// <summary>The environment variable that overrides <see cref="DefaultExecutablePath"/>.</summary>
    public const string ExecutablePathVariable = "GHSTATS_TEST_CHROMIUM";

    private static readonly string[] LaunchArguments =
    [
        // Containers and CI run as root, where Chromium's sandbox cannot start.
        "--no-sandbox",
        "--disable-gpu",
        // No update checks, sync, or other calls to Google's servers, which are out of reach and would only slow the start.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private AccessibilityCheck? _accessibility;

    /// <summary>The running browser, for what <see cref="NewPageAsync"/> does not cover.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started yet: the fixture's InitializeAsync has not run.");

    /// <summary>axe-core, read from tests/GhStats.Testing/Browser/axe on first use.</summary>
    public AccessibilityCheck Accessibility => _accessibility ??= AccessibilityCheck.FromRepository();

    /// <summary>Where <see cref="BrowserPage.SaveScreenshotAsync"/> writes: artifacts/screenshots at the repository root.</summary>
    public ScreenshotFolder Screenshots { get; } = ScreenshotFolder.InRepository();

    /// <summary>The executable the fixture launches.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(ExecutablePathVariable) is { Length: > 0 } path ? path : DefaultExecutablePath;

    /// <summary>Starts Playwright's driver and launches Chromium headless.</summary>
    public async Task InitializeAsync()
    {
        var executable = ExecutablePath;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {executable}. Run ./test.sh, which installs it, or install it with " +
                $"`apt-get install --no-install-recommends chromium` (or set {ExecutablePathVariable} to a Chromium or Chrome executable). " +
                "Playwright's own browser download (`playwright install`) is not used.");
        }

        var driver = Path.Combine(Path.GetDirectoryName(typeof(IPlaywright).Assembly.Location) ?? AppContext.BaseDirectory, ".playwright");
        if (!Directory.Exists(driver))
        {
            throw new InvalidOperationException(
                $"Playwright's driver is not in the test's output ({driver} is missing). Add <PackageReference Include=\"Microsoft.Playwright\" /> " +
                "to the test project that opens a browser: the package copies its driver into the output of projects that reference it themselves.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = LaunchArguments,
        });
    }

    /// <summary>Closes the browser and stops the driver.</summary>
    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>
    /// Opens a page in a new browser context (its own cookies and storage) with the given color scheme, viewport and
    /// base address. The page records console errors, uncaught exceptions and failed requests from the start.
    /// </summary>
    public async Task<BrowserPage> NewPageAsync(BrowserPageOptions? options = null)
    {
        options ??= new BrowserPageOptions();
        var phone = options.Viewport == BrowserViewport.Phone;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = options.BaseAddress?.AbsoluteUri,
            ColorScheme = options.ColorScheme == BrowserColorScheme.Dark ? ColorScheme.Dark : ColorScheme.Light,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 800 },
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = 1,
            Locale = options.Locale,
            TimezoneId = options.TimeZone,
            BypassCSP = options.BypassContentSecurityPolicy,
        });

        try
        {
            return await BrowserPage.OpenAsync(context, options, this);
        }
        catch
        {
            await context.CloseAsync();
            throw;
        }
    }
}
