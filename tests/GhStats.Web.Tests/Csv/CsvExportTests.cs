using System.Globalization;
using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Csv;

/// <summary>
/// CSV exports of referrers, paths and titles that GitHub reports verbatim, so anyone can put quotes, commas, line
/// breaks, spreadsheet formulas or markup in them: every row reads back whole with a strict RFC 4180 reader, a text
/// cell a spreadsheet would run as a formula starts with a quote mark, and JSON escapes markup.
/// </summary>
public sealed class CsvExportTests(CsvExportTests.HostileApp fixture) : IClassFixture<CsvExportTests.HostileApp>
{
    public static readonly IReadOnlyList<string> HostileReferrers =
    [
        "say \"hi\", ok",
        "line one\r\nline two",
        "lf\nonly",
        "cr\ronly",
        "=cmd|' /C calc'!A0",
        "+1",
        "-2",
        "@SUM(1)",
        "<script>alert(1)</script>",
        "\tTabbed",
        "\rstarts with CR",
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "\"quoted\"",
        ",leading comma",
        "ünïcödé ✓ 漢字",
        "plain.example",
        " =1+2",
        "\t\r\n=1+2",
        "  @SUM(1)",
        "\n-3",
        "＝1+2",
        "＋1",
        "－2",
        "＠SUM(1)",
        " ＝HYPERLINK(\"http://evil.example\")",
        "x;=HYPERLINK(\"http://evil.example\",\"x\")",
        "semi;colon",
        "in\ttab",
        "a-b@c.example",
        "'already quoted",
    ];

    public static readonly IReadOnlyList<(string Path, string Title)> HostilePaths =
    [
        ("/octo/hostile/=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0"),
        ("-2", "+1"),
        ("@SUM(1)", "say \"hi\", ok"),
        ("/octo/hostile/line\r\nbreak", "line one\r\nline two"),
        ("/octo/hostile/<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("/octo/hostile", "-2"),
        ("/octo/hostile/blob/main/README.md", "@SUM(1)"),
        ("/octo/hostile/wiki", "x;=HYPERLINK(\"http://evil.example\",\"x\")"),
        ("/octo/hostile/issues", " =1+2"),
        ("/octo/hostile/pulls", "＝HYPERLINK(\"http://evil.example\")"),
        ("/octo/hostile/tab\there", "\t\n＠SUM(1)"),
        ("/octo/hostile;=1+2", "title;with;semicolons"),
    ];

    [Fact]
    public async Task ReferrersCsv_RoundTripsEveryHostileReferrer_WithFormulasDefused()
    {
        var (response, records) = await GetCsvAsync($"api/v1/repos/{fixture.Repository.Id}/referrers.csv");

        ShouldBeAnAttachment(response, "octo-hostile-referrers-");
        records[0].ShouldBe(["repository", "captured_on", "referrer", "views", "unique_views"]);
        records.Skip(1).ShouldBe(HostileReferrers.Select((referrer, i) => (IReadOnlyList<string>)
            ["octo/hostile", Day(fixture.CapturedOn), AsSpreadsheetText(referrer), Number(1000 - i), Number(500 - i)]));
    }

    [Fact]
    public async Task PathsCsv_RoundTripsEveryHostilePathAndTitle_WithFormulasDefused()
    {
        var (response, records) = await GetCsvAsync($"api/v1/repos/{fixture.Repository.Id}/paths.csv");

        ShouldBeAnAttachment(response, "octo-hostile-paths-");
        records[0].ShouldBe(["repository", "captured_on", "path", "title", "views", "unique_views"]);
        records.Skip(1).ShouldBe(HostilePaths.Select((page, i) => (IReadOnlyList<string>)
            ["octo/hostile", Day(fixture.CapturedOn), AsSpreadsheetText(page.Path), AsSpreadsheetText(page.Title), Number(900 - i), Number(400 - i)]));
    }

    [Fact]
    public async Task TrafficCsv_OfARepositoryAndOfTheTenant_HoldEveryDayOnce()
    {
        var (repositoryResponse, repositoryRecords) = await GetCsvAsync($"api/v1/repos/{fixture.Repository.Id}/traffic.csv");
        var (tenantResponse, tenantRecords) = await GetCsvAsync("api/v1/traffic.csv?tenant=csv");

        ShouldBeAnAttachment(repositoryResponse, "octo-hostile-traffic-");
        ShouldBeAnAttachment(tenantResponse, "ghstats-traffic-");
        repositoryRecords[0].ShouldBe(["repository", "date", "coverage", "views", "unique_views", "clones", "unique_clones"]);

        // Every day of the default 30-day range: the stored days (merged without a window, so partial) with their counts,
        // the others not collected with empty counts, never zeros.
        var rows = repositoryRecords.Skip(1).ToList();
        rows.Count.ShouldBe(30);
        rows.Select(r => r[1]).ShouldBe(rows.Select(r => r[1]).Order(StringComparer.Ordinal).Distinct());
        rows.Where(r => r[2] != "notCollected").ShouldBe(fixture.Days.Select(d => (IReadOnlyList<string>)
            ["octo/hostile", Day(d.Day), "partial", Number(d.Views), Number(d.UniqueViews), Number(d.Clones), Number(d.UniqueClones)]));
        rows.Where(r => r[2] == "notCollected").ShouldAllBe(r => r[3] == "" && r[4] == "" && r[5] == "" && r[6] == "");
        tenantRecords[0].ShouldBe(["tenant", "repository", "date", "coverage", "views", "unique_views", "clones", "unique_clones"]);
        tenantRecords.Skip(1).ShouldBe(repositoryRecords.Skip(1).Select(r => (IReadOnlyList<string>)["csv", .. r]));
    }

    [Fact]
    public async Task TheJsonApi_ServesMarkupAsJsonStrings_NeverAsHtml()
    {
        foreach (var route in new[] { "referrers", "paths" })
        {
            using var response = await fixture.Owner.GetAsync($"api/v1/repos/{fixture.Repository.Id}/{route}");
            var body = await response.Content.ReadAsStringAsync();

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");

            // ASP.NET Core writes API JSON with relaxed escaping, so markup may appear as is, but only inside JSON strings.
            OutsideJsonStrings(body).ShouldNotContain('<');

            var history = JsonDocument.Parse(body).RootElement.GetProperty("history").EnumerateArray().ToList();
            if (route == "referrers")
            {
                history.Select(s => s.GetProperty("referrer").GetString()).ShouldBe(HostileReferrers);
            }
            else
            {
                history.Select(s => (s.GetProperty("path").GetString()!, s.GetProperty("title").GetString()!)).ShouldBe(HostilePaths);
            }
        }
    }

    /// <summary>The JSON text with every string token (values and property names) removed: punctuation, numbers and literals only.</summary>
    private static string OutsideJsonStrings(string json)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
        var outside = new System.Text.StringBuilder();
        var last = 0;
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                outside.Append(System.Text.Encoding.UTF8.GetString(bytes, last, (int)reader.TokenStartIndex - last));
                last = (int)reader.BytesConsumed;
            }
        }

        return outside.Append(System.Text.Encoding.UTF8.GetString(bytes, last, bytes.Length - last)).ToString();
    }

    [Fact]
    public async Task CsvCells_HoldingASemicolonOrATab_AreQuoted_SoNoLocaleSplitsThem()
    {
        foreach (var route in new[] { "referrers.csv", "paths.csv" })
        {
            using var response = await fixture.Owner.GetAsync($"api/v1/repos/{fixture.Repository.Id}/{route}");
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, text);

            // Outside quoted fields only commas and CRLF may separate; a bare ';' or tab there is a cell a locale splits.
            var unquoted = OutsideQuotedFields(text);
            unquoted.ShouldNotContain(';', $"{route}: {text}");
            unquoted.ShouldNotContain('\t', $"{route}: {text}");
        }
    }

    /// <summary>
    /// What a spreadsheet cell must hold, after OWASP's CSV injection guidance: text that starts, after any leading
    /// spaces, tabs, CRs or LFs, with = + - @ or their full-width forms, or that starts with a tab or CR, gets a quote mark in front.
    /// </summary>
    private static string AsSpreadsheetText(string value)
    {
        var first = value.TrimStart(' ', '\t', '\r', '\n');
        var dangerous = value.StartsWith('\t') || value.StartsWith('\r')
            || (first.Length > 0 && "=+-@＝＋－＠".Contains(first[0], StringComparison.Ordinal));
        return dangerous ? "'" + value : value;
    }

    private static string OutsideQuotedFields(string csv)
    {
        var outside = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in csv)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                outside.Append(c);
            }
        }

        return outside.ToString();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void ShouldBeAnAttachment(HttpResponseMessage response, string fileNameStart)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentType?.CharSet.ShouldBe("utf-8");
        var disposition = response.Content.Headers.ContentDisposition.ShouldNotBeNull();
        disposition.DispositionType.ShouldBe("attachment");
        var fileName = disposition.FileName.ShouldNotBeNull().Trim('"');
        fileName.ShouldStartWith(fileNameStart);
        fileName.ShouldEndWith(".csv");
        fileName.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '.' || c == '_');
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
    }

    private async Task<(HttpResponseMessage Response, IReadOnlyList<IReadOnlyList<string>> Records)> GetCsvAsync(string path)
    {
        var response = await fixture.Owner.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        text.ShouldEndWith("\r\n");
        return (response, Rfc4180.Parse(text));
    }

    /// <summary>A tenant "csv" with one repository whose referrers, paths and titles are hostile, and its owner.</summary>
    public sealed class HostileApp : IAsyncLifetime
    {
        private WebApp? _app;

        public WebCaller Owner { get; private set; } = null!;

        public TrackedRepository Repository { get; private set; } = null!;

        public DateOnly CapturedOn { get; private set; }

        public IReadOnlyList<TrafficDay> Days { get; private set; } = [];

        public async Task InitializeAsync()
        {
            _app = await WebApp.StartAsync();
            var tenant = await _app.CreateTenantAsync("csv");
            var owner = await _app.CreateUserAsync("owner@csv.example");
            await _app.AddMemberAsync(tenant, owner, TenantRole.Owner);
            Owner = _app.As(owner);
            Repository = await _app.TrackAsync(tenant, "octo", "hostile");

            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            CapturedOn = today.AddDays(-1);
            var traffic = _app.Get<ITrafficStore>();
            await traffic.MergeReferrerSnapshotsAsync(
                [.. HostileReferrers.Select((referrer, i) => new ReferrerSnapshot(Repository.Id, CapturedOn, referrer, 1000 - i, 500 - i))]);
            await traffic.MergePathSnapshotsAsync(
                [.. HostilePaths.Select((page, i) => new PathSnapshot(Repository.Id, CapturedOn, page.Path, page.Title, 900 - i, 400 - i))]);
            Days = [.. Enumerable.Range(2, 5).Select(back => new TrafficDay(Repository.Id, today.AddDays(-back), 10 * back, back, 3 * back, 1)).OrderBy(d => d.Day)];
            await traffic.MergeTrafficDaysAsync([.. Days]);
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}
