using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Web.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Transfers;

/// <summary>
/// The import, restore and export routes over real Kestrel, with the real transfer service (AddTransfer) and a SQLite
/// file: uploads become background jobs whose progress and report the API serves, refusals are problems with nothing
/// queued, and only a tenant's owners (and admins) reach any of it.
/// </summary>
public sealed class TransferApiTests : IAsyncLifetime
{
    /// <summary>The smallest limit the transfer options allow; the over-limit test sends a little more.</summary>
    private const long MaxUploadBytes = 1024 * 1024;

    private static readonly string[] Finished = ["succeeded", "failed"];

    private WebApp _app = null!;
    private Tenant _acme = null!;
    private Tenant _other = null!;
    private WebCaller _owner = null!;
    private WebCaller _viewer = null!;
    private WebCaller _otherOwner = null!;
    private WebCaller _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await WebApp.StartAsync(new WebAppOptions
        {
            Settings = new Dictionary<string, string?> { ["GhStats:Transfer:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ConfigureGhStats = ghStats => ghStats.AddTransfer(),
        });
        _acme = await _app.CreateTenantAsync("acme", "Acme");
        _other = await _app.CreateTenantAsync("other", "Other");
        _owner = await MemberAsync("owner@acme.example", _acme, TenantRole.Owner);
        _viewer = await MemberAsync("viewer@acme.example", _acme, TenantRole.Viewer);
        _otherOwner = await MemberAsync("owner@other.example", _other, TenantRole.Owner);
        _admin = _app.As(await _app.CreateUserAsync("admin@example.com", SystemRole.Admin));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnImport_DryRunThenReal_ReportsTheSameNumbers_AndItsTrafficThenShowsInTheApi()
    {
        var sources = await _owner.GetJsonAsync("api/v1/tenants/acme/import-sources");
        sources.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldBe(["ibm-db2", "ibm-csv", "github-repo-stats", "ghstats-sqlite", "repohistory"], ignoreOrder: true);

        var dryRun = await StartImportAsync(_owner, ("source", "ibm-csv"), ("repositoryNames", "1005=octo-org/tools\n"));
        dryRun.GetProperty("kind").GetString().ShouldBe("import");
        dryRun.GetProperty("source").GetString().ShouldBe("ibm-csv");
        dryRun.GetProperty("fileName").GetString().ShouldBe("ibm-download.zip");
        dryRun.GetProperty("fileBytes").GetInt64().ShouldBe(TransferForm.IbmZip().Length);
        dryRun.GetProperty("dryRun").GetBoolean().ShouldBeTrue();
        dryRun.GetProperty("requestedBy").GetString().ShouldNotBeNull().ShouldStartWith("owner@acme.example");
        var dryReport = await FinishedReportAsync(_owner, "acme", dryRun);
        dryReport.GetProperty("dryRun").GetBoolean().ShouldBeTrue();
        Numbers(dryReport).ShouldBe(["octo-org/app createdTracked 2/0/0/0 0", "octo-org/docs createdTracked 1/0/0/0 0", "octo-org/tools createdTracked 1/0/0/0 1"]);
        (await _owner.GetJsonAsync("api/v1/repos?tenant=acme")).GetArrayLength().ShouldBe(0, "a dry run writes nothing");

        var real = await StartImportAsync(_owner, ("source", "ibm-csv"), ("dryRun", "false"), ("repositoryNames", "1005=octo-org/tools"));
        real.GetProperty("dryRun").GetBoolean().ShouldBeFalse();
        var report = await FinishedReportAsync(_owner, "acme", real);
        report.GetProperty("dryRun").GetBoolean().ShouldBeFalse();
        Numbers(report).ShouldBe(Numbers(dryReport), "the dry run reports what the import then does");
        report.GetProperty("repositories").EnumerateArray().Single(r => r.GetProperty("fullName").GetString() == "octo-org/tools")
            .GetProperty("rejections")[0].GetProperty("reason").GetString().ShouldNotBeNull().ShouldContain("uniques above totals");

        var repositories = await _owner.GetJsonAsync("api/v1/repos?tenant=acme");
        var app = repositories.EnumerateArray().Single(r => r.GetProperty("fullName").GetString() == "octo-org/app").GetProperty("id").GetInt64();
        var traffic = await _owner.GetJsonAsync($"api/v1/repos/{app}/traffic?from=2021-03-01&to=2021-03-02");
        traffic.GetProperty("points").EnumerateArray().Select(p => (p.GetProperty("date").GetString(), p.GetProperty("views").GetInt32(), p.GetProperty("uniqueViews").GetInt32()))
            .ShouldBe([("2021-03-01", 10, 4), ("2021-03-02", 8, 3)]);

        var jobs = await _owner.GetJsonAsync("api/v1/tenants/acme/transfers");
        jobs.EnumerateArray().Select(j => j.GetProperty("id").GetInt64()).ShouldBe([real.GetProperty("id").GetInt64(), dryRun.GetProperty("id").GetInt64()], "newest first");
        jobs.EnumerateArray().ShouldAllBe(j => j.GetProperty("report").ValueKind == JsonValueKind.Null && j.GetProperty("state").GetString() == "succeeded");
    }

    [Fact]
    public async Task AnImport_StartsAt202_WithTheJobsAddress_AndAProgressFromQueuedOn()
    {
        using var response = await _owner.SendAsync(TransferForm.Post("api/v1/tenants/acme/imports", "repostats.csv", TransferForm.Ibm("repostats.csv"), ("source", "ibm-csv")));
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, text);
        var job = JsonDocument.Parse(text).RootElement;
        response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/tenants/acme/transfers/{job.GetProperty("id").GetInt64()}");
        job.GetProperty("state").GetString().ShouldBeOneOf("queued", "running", "succeeded");
        job.GetProperty("progress").GetProperty("phase").GetString().ShouldNotBeNullOrEmpty();
        job.GetProperty("dryRun").GetBoolean().ShouldBeTrue("an import is a dry run unless dryRun is false");
        (await _owner.GetJsonAsync(response.Headers.Location.OriginalString.TrimStart('/'))).GetProperty("id").GetInt64().ShouldBe(job.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task AViewer_IsRefused_AndAnotherTenantsOwner_FindsNothing_AndNothingIsQueued()
    {
        var job = await StartImportAsync(_owner, ("source", "ibm-csv"));
        var id = job.GetProperty("id").GetInt64();
        var paths = new[] { "api/v1/tenants/acme/transfers", $"api/v1/tenants/acme/transfers/{id}", "api/v1/tenants/acme/import-sources", "api/v1/tenants/acme/export" };

        foreach (var path in paths)
        {
            await ShouldAnswerAsync(_viewer, new HttpRequestMessage(HttpMethod.Get, path), HttpStatusCode.Forbidden);
            await ShouldAnswerAsync(_otherOwner, new HttpRequestMessage(HttpMethod.Get, path), HttpStatusCode.NotFound);
        }

        foreach (var caller in new[] { _viewer, _otherOwner })
        {
            var refused = caller == _viewer ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
            await ShouldAnswerAsync(caller, ImportForm(("source", "ibm-csv")), refused);
            await ShouldAnswerAsync(caller, TransferForm.Post("api/v1/tenants/acme/restore", "acme.zip", await ExportAsync("acme")), refused);
        }

        // Another tenant's job, asked for under the caller's own tenant, is as missing as a job that never was.
        await ShouldAnswerAsync(_otherOwner, new HttpRequestMessage(HttpMethod.Get, $"api/v1/tenants/other/transfers/{id}"), HttpStatusCode.NotFound);
        await ShouldAnswerAsync(_otherOwner, new HttpRequestMessage(HttpMethod.Get, "api/v1/tenants/other/transfers/999999"), HttpStatusCode.NotFound);
        (await _owner.GetJsonAsync("api/v1/tenants/acme/transfers")).GetArrayLength().ShouldBe(1);
        (await _otherOwner.GetJsonAsync("api/v1/tenants/other/transfers")).GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("nope", "", "source 'nope' is not one GhStats imports")]
    [InlineData("", "", "source is required")]
    [InlineData("ibm-csv", "1005", "repositoryNames line 1 must be key=owner/name")]
    [InlineData("ibm-csv", "1000=octo-org/app\n\n1005=not a name", "repositoryNames line 3 must be key=owner/name")]
    [InlineData("ibm-csv", "=octo-org/app", "repositoryNames line 1 must be key=owner/name")]
    public async Task ABadSourceOrRepositoryNamesLine_Answers400_AndQueuesNothing(string source, string names, string detail)
    {
        var fields = new List<(string, string)>();
        if (source.Length > 0)
        {
            fields.Add(("source", source));
        }

        if (names.Length > 0)
        {
            fields.Add(("repositoryNames", names));
        }

        (await ShouldAnswerAsync(_owner, ImportForm([.. fields]), HttpStatusCode.BadRequest)).ShouldContain(detail);
        (await _owner.GetJsonAsync("api/v1/tenants/acme/transfers")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task AFormWithoutAFile_ABadFlagOrAnUnknownField_Answers400_AndJsonAnswers415()
    {
        using (var noFile = new HttpRequestMessage(HttpMethod.Post, "api/v1/tenants/acme/imports") { Content = new MultipartFormDataContent { { new StringContent("ibm-csv"), "source" } } })
        {
            (await ShouldAnswerAsync(_owner, noFile, HttpStatusCode.BadRequest)).ShouldContain("The form holds no file");
        }

        (await ShouldAnswerAsync(_owner, ImportForm(("source", "ibm-csv"), ("dryRun", "maybe")), HttpStatusCode.BadRequest)).ShouldContain("dryRun must be true or false");
        (await ShouldAnswerAsync(_owner, ImportForm(("source", "ibm-csv"), ("dryrun ", "false")), HttpStatusCode.BadRequest)).ShouldContain("The form has no field");
        (await ShouldAnswerAsync(_owner, TransferForm.Post("api/v1/tenants/acme/restore", "acme.zip", [1, 2, 3]), HttpStatusCode.BadRequest)).ShouldNotBeNullOrEmpty();
        await ShouldAnswerAsync(_owner, WebCaller.WithJson(HttpMethod.Post, "api/v1/tenants/acme/imports", new { source = "ibm-csv" }), HttpStatusCode.UnsupportedMediaType);
        (await _owner.GetJsonAsync("api/v1/tenants/acme/transfers")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task AnUploadOverTheLimit_Answers413_WithOrWithoutItsLength_AndQueuesNothing()
    {
        var tooLarge = new byte[MaxUploadBytes + 1];
        (await ShouldAnswerAsync(_owner, TransferForm.Post("api/v1/tenants/acme/imports", "repostats.csv", tooLarge, ("source", "ibm-csv")), HttpStatusCode.RequestEntityTooLarge))
            .ShouldContain($"over {MaxUploadBytes} bytes");

        // Sent in chunks, the body has no length to check first: it is refused once it passes the limit.
        using var chunked = TransferForm.Post("api/v1/tenants/acme/restore", "big.zip", tooLarge);
        var content = chunked.Content!;
        chunked.Content = new StreamContent(await content.ReadAsStreamAsync());
        chunked.Content.Headers.ContentType = content.Headers.ContentType;
        chunked.Headers.TransferEncodingChunked = true;
        await ShouldAnswerAsync(_owner, chunked, HttpStatusCode.RequestEntityTooLarge);

        // Just under the limit the body is taken (and the service judges the file).
        var fits = TransferForm.Post("api/v1/tenants/acme/imports", "repostats.csv", TransferForm.Ibm("repostats.csv"), ("source", "ibm-csv"));
        (await fits.Content!.ReadAsByteArrayAsync()).Length.ShouldBeLessThan((int)MaxUploadBytes);
        await ShouldAnswerAsync(_owner, fits, HttpStatusCode.Accepted);
        (await _owner.GetJsonAsync("api/v1/tenants/acme/transfers")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task AnExport_DownloadsAZipWhoseManifestNamesTheTenant_AndItRestoresIntoThatTenantOnly()
    {
        var today = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        await _app.TrackAsync(_acme, "octo-org", "exported");
        using var response = await _owner.GetAsync("api/v1/tenants/acme/export");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName.ShouldBe($"ghstats-acme-{today}.zip");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
        {
            using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
            manifest.RootElement.GetProperty("scope").GetString().ShouldBe("tenant:acme");
            using var reader = new StreamReader(zip.GetEntry("repositories.jsonl")!.Open());
            (await reader.ReadToEndAsync()).ShouldContain("exported");
        }

        var restored = await StartAsync(_owner, TransferForm.Post("api/v1/tenants/acme/restore", "acme.zip", bytes));
        restored.GetProperty("kind").GetString().ShouldBe("restore");
        restored.GetProperty("source").GetString().ShouldBe("archive");
        var report = await FinishedReportAsync(_owner, "acme", restored);
        report.GetProperty("dryRun").GetBoolean().ShouldBeTrue();
        report.GetProperty("tenants").EnumerateArray().Select(t => (t.GetProperty("slug").GetString(), t.GetProperty("created").GetBoolean())).ShouldBe([("acme", false)]);

        // The other tenant's owner may not restore acme's archive into their own tenant.
        (await ShouldAnswerAsync(_otherOwner, TransferForm.Post("api/v1/tenants/other/restore", "acme.zip", bytes), HttpStatusCode.BadRequest))
            .ShouldContain("not tenant other");
        (await _otherOwner.GetJsonAsync("api/v1/tenants/other/transfers")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task TheInstallationRoutes_AreForAdmins_AndKeepTheirJobsApartFromTenants()
    {
        foreach (var request in new Func<HttpRequestMessage>[]
        {
            () => new HttpRequestMessage(HttpMethod.Get, "api/v1/export"),
            () => new HttpRequestMessage(HttpMethod.Get, "api/v1/transfers"),
            () => new HttpRequestMessage(HttpMethod.Get, "api/v1/transfers/1"),
            () => TransferForm.Post("api/v1/restore", "all.zip", [1, 2, 3]),
        })
        {
            await ShouldAnswerAsync(_owner, request(), HttpStatusCode.Forbidden);
        }

        using var export = await _admin.GetAsync("api/v1/export");
        var archive = await export.Content.ReadAsByteArrayAsync();
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentDisposition!.FileName.ShouldStartWith("ghstats-installation-");
        using (var zip = new ZipArchive(new MemoryStream(archive)))
        using (var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open()))
        {
            manifest.RootElement.GetProperty("scope").GetString().ShouldBe("installation");
        }

        // A tenant's restore refuses the installation's archive; an admin restores it as the installation.
        (await ShouldAnswerAsync(_owner, TransferForm.Post("api/v1/tenants/acme/restore", "all.zip", archive), HttpStatusCode.BadRequest)).ShouldContain("installation");
        using var started = await _admin.SendAsync(TransferForm.Post("api/v1/restore", "all.zip", archive));
        var job = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement;
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, job.ToString());
        started.Headers.Location!.OriginalString.ShouldBe($"/api/v1/transfers/{job.GetProperty("id").GetInt64()}");
        var report = await FinishedReportAsync(_admin, null, job);
        report.GetProperty("tenants").EnumerateArray().Select(t => t.GetProperty("slug").GetString()).ShouldBe(["acme", "other"], ignoreOrder: true);
        (await _admin.GetJsonAsync("api/v1/transfers")).EnumerateArray().Select(j => j.GetProperty("id").GetInt64()).ShouldBe([job.GetProperty("id").GetInt64()]);

        // The jobs of no tenant are not a tenant's, and a tenant's are not the installation's.
        var tenantJob = await StartImportAsync(_owner, ("source", "ibm-csv"));
        await ShouldAnswerAsync(_admin, new HttpRequestMessage(HttpMethod.Get, $"api/v1/transfers/{tenantJob.GetProperty("id").GetInt64()}"), HttpStatusCode.NotFound);
        await ShouldAnswerAsync(_admin, new HttpRequestMessage(HttpMethod.Get, $"api/v1/tenants/acme/transfers/{job.GetProperty("id").GetInt64()}"), HttpStatusCode.NotFound);
        (await _admin.GetJsonAsync("api/v1/tenants/acme/transfers")).GetArrayLength().ShouldBe(1, "an admin sees a tenant's jobs too");
    }

    [Fact]
    public async Task ASessionsUpload_NeedsTheAntiforgeryHeader()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions { Environment = "Development", ConfigureGhStats = ghStats => ghStats.AddTransfer() });
        var acme = await app.CreateTenantAsync("acme");
        await app.AddMemberAsync(acme, await app.CreateUserAsync("owner@acme.example"), TenantRole.Owner);
        var session = await app.SignInAsync("owner@acme.example");
        var token = session.AntiforgeryToken;

        session.AntiforgeryToken = null;
        using (var forged = TransferForm.Post("api/v1/tenants/acme/imports", "repostats.csv", TransferForm.Ibm("repostats.csv"), ("source", "ibm-csv"), ("__RequestVerificationToken", token!)))
        {
            (await ShouldAnswerAsync(session, forged, HttpStatusCode.BadRequest)).ShouldContain("antiforgery token");
        }

        session.AntiforgeryToken = token;
        await ShouldAnswerAsync(session, TransferForm.Post("api/v1/tenants/acme/imports", "repostats.csv", TransferForm.Ibm("repostats.csv"), ("source", "ibm-csv")), HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task WithoutAddTransfer_TheRoutesSayWhatToAdd_AfterTheAccessCheck()
    {
        await using var app = await WebApp.StartAsync();
        var acme = await app.CreateTenantAsync("acme");
        var ownerUser = await app.CreateUserAsync("owner@acme.example");
        await app.AddMemberAsync(acme, ownerUser, TenantRole.Owner);
        var owner = app.As(ownerUser);
        var stranger = app.As(await app.CreateUserAsync("stranger@example.com"));
        var admin = app.As(await app.CreateUserAsync("admin@example.com", SystemRole.Admin));

        foreach (var request in new Func<HttpRequestMessage>[]
        {
            () => new HttpRequestMessage(HttpMethod.Get, "api/v1/tenants/acme/transfers"),
            () => new HttpRequestMessage(HttpMethod.Get, "api/v1/tenants/acme/transfers/1"),
            () => new HttpRequestMessage(HttpMethod.Get, "api/v1/tenants/acme/import-sources"),
            () => new HttpRequestMessage(HttpMethod.Get, "api/v1/tenants/acme/export"),
            () => TransferForm.Post("api/v1/tenants/acme/imports", "repostats.csv", TransferForm.Ibm("repostats.csv"), ("source", "ibm-csv")),
            () => TransferForm.Post("api/v1/tenants/acme/restore", "acme.zip", [1, 2, 3]),
        })
        {
            (await ShouldAnswerAsync(owner, request(), HttpStatusCode.NotImplemented)).ShouldContain("add AddTransfer()");
            await ShouldAnswerAsync(stranger, request(), HttpStatusCode.NotFound);
        }

        (await ShouldAnswerAsync(admin, new HttpRequestMessage(HttpMethod.Get, "api/v1/export"), HttpStatusCode.NotImplemented)).ShouldContain("import and export are not enabled", Case.Insensitive);
        await ShouldAnswerAsync(admin, new HttpRequestMessage(HttpMethod.Get, "api/v1/transfers"), HttpStatusCode.NotImplemented);
    }

    private async Task<WebCaller> MemberAsync(string email, Tenant tenant, TenantRole role)
    {
        var user = await _app.CreateUserAsync(email);
        await _app.AddMemberAsync(tenant, user, role);
        return _app.As(user);
    }

    private static HttpRequestMessage ImportForm(params (string Name, string Value)[] fields) =>
        TransferForm.Post("api/v1/tenants/acme/imports", "ibm-download.zip", TransferForm.IbmZip(), fields);

    private static Task<JsonElement> StartImportAsync(WebCaller caller, params (string Name, string Value)[] fields) => StartAsync(caller, ImportForm(fields));

    private static async Task<JsonElement> StartAsync(WebCaller caller, HttpRequestMessage request)
    {
        using (request)
        using (var response = await caller.SendAsync(request))
        {
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted, text);
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    /// <summary>Polls the job until it has ended, and answers its report; it must have succeeded.</summary>
    private static async Task<JsonElement> FinishedReportAsync(WebCaller caller, string? tenant, JsonElement started)
    {
        var path = tenant is null ? $"api/v1/transfers/{started.GetProperty("id").GetInt64()}" : $"api/v1/tenants/{tenant}/transfers/{started.GetProperty("id").GetInt64()}";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement job;
        do
        {
            await Task.Delay(50);
            job = await caller.GetJsonAsync(path);
        }
        while (!Finished.Contains(job.GetProperty("state").GetString()) && DateTime.UtcNow < deadline);

        job.GetProperty("state").GetString().ShouldBe("succeeded", job.ToString());
        job.GetProperty("finishedAt").ValueKind.ShouldBe(JsonValueKind.String);
        job.GetProperty("error").ValueKind.ShouldBe(JsonValueKind.Null);
        return job.GetProperty("report");
    }

    /// <summary>Per repository: name, outcome, days new/raised/unchanged/lower, rejections.</summary>
    private static List<string> Numbers(JsonElement report) =>
        [.. report.GetProperty("repositories").EnumerateArray()
            .Select(r => $"{r.GetProperty("fullName").GetString()} {r.GetProperty("outcome").GetString()} {r.GetProperty("daysNew")}/{r.GetProperty("daysRaised")}/{r.GetProperty("daysUnchanged")}/{r.GetProperty("daysLower")} {r.GetProperty("rejections").GetArrayLength()}")
            .Order(StringComparer.Ordinal)];

    private async Task<byte[]> ExportAsync(string slug)
    {
        using var archive = new MemoryStream();
        await _app.Get<ITransferService>().ExportAsync(slug, archive);
        return archive.ToArray();
    }

    private static async Task<string> ShouldAnswerAsync(WebCaller caller, HttpRequestMessage request, HttpStatusCode status)
    {
        using (request)
        using (var response = await caller.SendAsync(request))
        {
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(status, $"{request.Method} {request.RequestUri}: {text}");
            if ((int)status >= 400)
            {
                response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            }

            return text;
        }
    }
}
