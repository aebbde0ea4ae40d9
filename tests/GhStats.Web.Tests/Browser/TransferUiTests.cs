using System.IO.Compression;
using GhStats.Stores;
using GhStats.Testing.Browser;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GhStats.Web.Tests.Browser;

/// <summary>
/// The tenant page "Import and export" in a real browser, over the real transfer package: an owner uploads the IBM
/// app's repostats.csv as a dry run, follows its progress to the report, runs it for real and then sees the traffic on
/// the repository page; a hostile file's error shows as text; the export downloads a zip whose restore dry run reports;
/// a viewer cannot reach the page; both themes pass the accessibility check, on a desktop and on a phone.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class TransferUiTests(ChromiumFixture chromium, TransferWorld world) : IClassFixture<TransferWorld>
{
    private const string Names = "1000=octo-org/app\n1001=octo-org/docs\n1005=octo-org/tools";

    /// <summary>Records every state the job panel shows, in order, so a test can tell it showed progress before the report.</summary>
    private const string WatchStates = """
        () => {
          window.jobStates = [];
          const job = document.getElementById('job');
          new MutationObserver(() => {
            const state = job.dataset.state;
            if (state && window.jobStates.at(-1) !== state) window.jobStates.push(state);
          }).observe(job, { attributes: true, attributeFilter: ['data-state'] });
        }
        """;

    [Fact]
    public async Task OwnerImportsRepostatsCsv_DryRunReportsPerRepository_RunForReal_ThenTheTrafficShows_AndTheExportRestoresAsADryRun()
    {
        await using var owner = await world.SignInAsync(chromium, TransferWorld.OwnerEmail);
        var page = owner.Page;
        await page.GotoAsync("manage/tenants/acme");
        await page.ClickAsync("#tenant-transfer-link");
        await Expect(page.Locator("#page-title")).ToHaveTextAsync("Import and export: Acme");

        await page.SelectOptionAsync("#import-source", "ibm-csv");
        await Expect(page.Locator("[data-source-help=ibm-csv]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-source-help=ibm-csv]")).ToContainTextAsync("repositories.csv");
        await Expect(page.Locator("[data-source-help=ghstats-sqlite]")).ToBeHiddenAsync();
        await Expect(page.Locator("#import-dry-run")).ToBeCheckedAsync();
        await page.SetInputFilesAsync("#import-file", TransferWorld.Fixture("IbmCsv", "repostats.csv"));
        await page.FillAsync("#import-names", Names);
        await page.EvaluateAsync(WatchStates);
        await page.ClickAsync("#import-submit");

        await Expect(page.Locator("#job")).ToHaveAttributeAsync("data-state", "succeeded", new() { Timeout = 60_000 });
        var states = await page.EvaluateAsync<string[]>("() => window.jobStates");
        states[0].ShouldBeOneOf("queued", "running");
        states[^1].ShouldBe("succeeded");
        await Expect(page.Locator("#job-heading")).ToHaveTextAsync("Dry run of the import of repostats.csv (ibm-csv)");
        await Expect(page.Locator("#job-status")).ToHaveTextAsync("The dry run has finished: nothing was written. Its report:");
        await ExpectRepositoryAsync(page, "octo-org/app", "created, tracked", daysNew: 2, rejected: 0);
        await ExpectRepositoryAsync(page, "octo-org/docs", "created, tracked", daysNew: 1, rejected: 0);
        await ExpectRepositoryAsync(page, "octo-org/tools", "created, tracked", daysNew: 1, rejected: 1);
        await Expect(page.Locator("#report-rejections tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#report-rejections tbody tr")).ToContainTextAsync("uniques above totals");
        (await world.App.Get<IRepositoryStore>().FindByNameAsync(world.Acme.Id, "octo-org", "app")).ShouldBeNull("a dry run writes nothing");
        await owner.SaveScreenshotAsync("tenant-transfer-dry-run");
        (await owner.CheckAccessibilityAsync()).AssertNoViolations();

        // The file stays chosen in the form: "Run it for real" uploads it again without the dry run.
        await page.EvaluateAsync(WatchStates);
        await page.ClickAsync("#job-run-for-real");
        await Expect(page.Locator("#job-heading")).ToHaveTextAsync("Import of repostats.csv (ibm-csv)");
        await Expect(page.Locator("#job")).ToHaveAttributeAsync("data-state", "succeeded", new() { Timeout = 60_000 });
        (await page.EvaluateAsync<string[]>("() => window.jobStates"))[0].ShouldBeOneOf("queued", "running");
        await Expect(page.Locator("#job-status")).ToHaveTextAsync("Finished. Its report:");
        await Expect(page.Locator("#job-again")).ToBeHiddenAsync();
        await ExpectRepositoryAsync(page, "octo-org/app", "created, tracked", daysNew: 2, rejected: 0);
        await Expect(page.Locator("#jobs-table tbody tr[data-job-id]")).ToHaveCountAsync(2);
        await owner.AssertNoErrorsAsync();

        var app = (await world.App.Get<IRepositoryStore>().FindByNameAsync(world.Acme.Id, "octo-org", "app")).ShouldNotBeNull();
        await page.GotoAsync($"repos/{app.Id}?from=2021-03-01&to=2021-03-02");
        var march1 = page.Locator("#traffic-table tbody tr[data-date='2021-03-01'] td");
        await Expect(march1).ToHaveTextAsync(["10", "4", "2", "1"]);
        await Expect(page.Locator("#traffic-table tbody tr[data-date='2021-03-02'] td")).ToHaveTextAsync(["8", "3", "0", "0"]);
        await owner.AssertNoErrorsAsync();

        // Export: the link downloads the tenant's archive; a dry run of restoring it finds every day already there.
        await page.GotoAsync("manage/tenants/acme/transfer");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-link"));
        download.SuggestedFilename.ShouldStartWith("ghstats-acme-");
        download.SuggestedFilename.ShouldEndWith(".zip");
        var folder = Directory.CreateTempSubdirectory("ghstats-transfer-ui-").FullName;
        var archive = Path.Combine(folder, download.SuggestedFilename);
        try
        {
            await download.SaveAsAsync(archive);
            using (var zip = ZipFile.OpenRead(archive))
            {
                zip.Entries.Select(e => e.FullName).ShouldContain("manifest.json");
                zip.Entries.Select(e => e.FullName).ShouldContain("traffic_days.jsonl");
            }

            await page.SetInputFilesAsync("#restore-file", archive);
            await Expect(page.Locator("#restore-dry-run")).ToBeCheckedAsync();
            await page.EvaluateAsync(WatchStates);
            await page.ClickAsync("#restore-submit");
            await Expect(page.Locator("#job")).ToHaveAttributeAsync("data-state", "succeeded", new() { Timeout = 60_000 });
            await Expect(page.Locator("#job-heading")).ToHaveTextAsync($"Dry run of the restore of {download.SuggestedFilename}");
            await Expect(page.Locator("#job-report")).ToContainTextAsync("Tenant acme");
            await Expect(page.Locator("#job-report")).ToContainTextAsync("existing: the archive merges into it");
            await ExpectRepositoryAsync(page, "octo-org/app", "merged into the one tracked here", daysNew: 0, rejected: 0, daysUnchanged: 2);
            await ExpectRepositoryAsync(page, "octo-org/tools", "merged into the one tracked here", daysNew: 0, rejected: 0, daysUnchanged: 1);
            await Expect(page.Locator("#job-again")).ToBeVisibleAsync();
            await owner.SaveScreenshotAsync("tenant-transfer-restore");
            await owner.AssertNoErrorsAsync();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AHostileUpload_FailsItsJob_AndTheErrorShowsAsText()
    {
        await using var owner = await world.SignInAsync(chromium, TransferWorld.OwnerEmail);
        var page = owner.Page;
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync("manage/tenants/beta/transfer");
        await page.SelectOptionAsync("#import-source", "ibm-csv");
        await page.SetInputFilesAsync("#import-file", new FilePayload
        {
            Name = "repostats.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("RID,TDATE,VIEWCOUNT,VUNIQUES,CLONECOUNT,CUNIQUES\n<img src=x onerror=alert(1)>,2021-03-01,1,1,0,0\n"),
        });
        await page.ClickAsync("#import-submit");

        await Expect(page.Locator("#job")).ToHaveAttributeAsync("data-state", "failed", new() { Timeout = 60_000 });
        await Expect(page.Locator("#job-status")).ToHaveClassAsync("status error");
        await Expect(page.Locator("#job-status")).ToContainTextAsync("It failed: ");
        await Expect(page.Locator("#job-status")).ToContainTextAsync("'<img src=x onerror=alert(1)>' is not a repository id");
        await Expect(page.Locator("#job img")).ToHaveCountAsync(0);
        await Expect(page.Locator("#job-again")).ToBeHiddenAsync();
        await Expect(page.Locator("#jobs-table tbody tr[data-job-id]").First).ToContainTextAsync("failed");
        dialogs.ShouldBe(0);
        (await world.App.Get<IRepositoryStore>().ListAsync(world.Beta.Id, includeRemoved: true)).ShouldBeEmpty();
        await owner.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task AViewer_CannotReachThePage_NorSeesTheLink()
    {
        await using var viewer = await world.SignInAsync(chromium, TransferWorld.ViewerEmail);
        var page = viewer.Page;
        viewer.AllowErrorResponse(403, "/transfer");
        viewer.AllowErrorResponse(404, "/transfer");

        var answer = await page.GotoAsync("manage/tenants/acme/transfer");
        answer!.Status.ShouldBe(403);
        await Expect(page.Locator("#page-title")).ToHaveTextAsync("Not allowed");
        await Expect(page.Locator("#import-form")).ToHaveCountAsync(0);
        await Expect(page.Locator("#export-link")).ToHaveCountAsync(0);

        // Beta is not the viewer's tenant at all: it is not found, as any tenant route answers.
        (await page.GotoAsync("manage/tenants/beta/transfer"))!.Status.ShouldBe(404);
        await Expect(page.Locator("#import-form")).ToHaveCountAsync(0);

        await page.GotoAsync("/");
        await Expect(page.Locator("#nav-tenants")).ToHaveCountAsync(0);
        await viewer.AssertNoErrorsAsync();
    }

    [Theory]
    [InlineData(BrowserColorScheme.Light, BrowserViewport.Desktop)]
    [InlineData(BrowserColorScheme.Dark, BrowserViewport.Desktop)]
    [InlineData(BrowserColorScheme.Light, BrowserViewport.Phone)]
    [InlineData(BrowserColorScheme.Dark, BrowserViewport.Phone)]
    public async Task ThePageWithAReport_PassesTheAccessibilityCheck_InBothThemes_OnADesktopAndAPhone(BrowserColorScheme scheme, BrowserViewport viewport)
    {
        await using var owner = await world.SignInAsync(chromium, TransferWorld.OwnerEmail, new BrowserPageOptions { ColorScheme = scheme, Viewport = viewport });
        var page = owner.Page;
        await page.GotoAsync("manage/tenants/beta/transfer");
        (await owner.CheckAccessibilityAsync()).AssertNoViolations();

        await page.SelectOptionAsync("#import-source", "ibm-csv");
        await page.SetInputFilesAsync("#import-file", TransferWorld.Fixture("IbmCsv", "repostats.csv"));
        await page.FillAsync("#import-names", Names);
        await page.ClickAsync("#import-submit");
        await Expect(page.Locator("#job")).ToHaveAttributeAsync("data-state", "succeeded", new() { Timeout = 60_000 });
        await ExpectRepositoryAsync(page, "octo-org/tools", "created, tracked", daysNew: 1, rejected: 1);
        (await owner.CheckAccessibilityAsync()).AssertNoViolations();

        // Keyboard: the Show button of a listed job brings its report back, with focus on its heading.
        await page.Locator("#jobs-table button[data-show-job]").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#job-heading")).ToBeFocusedAsync();
        await Expect(page.Locator("#report-repositories")).ToBeVisibleAsync();
        await owner.SaveScreenshotAsync("tenant-transfer");
        await owner.AssertNoErrorsAsync();
    }

    private static async Task ExpectRepositoryAsync(IPage page, string fullName, string outcome, int daysNew, int rejected, int daysUnchanged = 0)
    {
        var row = page.Locator($"#report-repositories tbody tr[data-repository='{fullName}']");
        await Expect(row.Locator("td")).ToHaveTextAsync([outcome, daysNew.ToString(System.Globalization.CultureInfo.InvariantCulture), "0",
            daysUnchanged.ToString(System.Globalization.CultureInfo.InvariantCulture), "0", "0", rejected.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }
}
