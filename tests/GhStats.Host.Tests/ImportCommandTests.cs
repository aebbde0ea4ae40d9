using System.IO.Compression;
using System.Reflection;
using Shouldly;
using Xunit;

namespace GhStats.Host.Tests;

/// <summary>The import command on the host's SQLite file, checked through the host serving that file.</summary>
public sealed class ImportCommandTests(CommandHost host) : IClassFixture<CommandHost>
{
    private static readonly string Fixtures = Path.Combine(
        typeof(ImportCommandTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "tests", "GhStats.Transfer.Tests", "Fixtures");

    private static readonly string IbmExport = Path.Combine(Fixtures, "IbmDb2");

    [Fact]
    public async Task Import_DryRunWritesNothing_ThenTheImportBringsTheHistory_AndItsPeopleAreOnlyReported()
    {
        (await host.RunAsync("tenant", "create", "imported")).ExitCode.ShouldBe(0);

        var (dryExit, dryOutput, dryError) = await host.RunAsync("import", "ibm-db2", IbmExport, "--tenant", "imported", "--dry-run");

        dryExit.ShouldBe(0, dryError);
        dryOutput.ShouldContain("Dry run: nothing was written.");
        dryOutput.ShouldContain("octo-org/app (created, tracked, source 1000, 1002): 2 days new, 0 raised");
        dryOutput.ShouldContain("rejected REPOTRAFFIC.del:4: uniques above totals");
        dryOutput.ShouldContain("ann@example.com (Ann): Admin; Owner of IBM tenant 100 (octocat)");
        dryOutput.ShouldNotContain("ghp_");
        using var admin = HostSession.Anonymous(host.Host.Address);
        await admin.SignInAsync(CommandHost.OperatorEmail);
        (await admin.GetAsync<ApiWire.Repository[]>("api/v1/repos?tenant=imported")).ShouldBeEmpty();

        var (exitCode, output, error) = await host.RunAsync("import", "ibm-db2", IbmExport, "--tenant", "imported");

        exitCode.ShouldBe(0, error);
        output.ShouldContain("octo-org/app (created, tracked, source 1000, 1002): 2 days new");
        var repositories = await admin.GetAsync<ApiWire.Repository[]>("api/v1/repos?tenant=imported");
        repositories.Select(r => r.FullName).ShouldBe(["octo-org/app", "octo-org/docs"]);
        var traffic = await admin.GetAsync<ApiWire.Traffic>($"api/v1/repos/{repositories[0].Id}/traffic?from=2021-03-01&to=2021-03-02&per=day");
        traffic.Points.Select(p => (p.Date, p.Views, p.Clones)).ShouldBe([(new DateOnly(2021, 3, 1), 10L, 2L), (new DateOnly(2021, 3, 2), 9L, 1L)]);
        (traffic.Totals.KnownDays, traffic.Totals.PartialDays).ShouldBe((2, 2));

        var (againExit, againOutput, _) = await host.RunAsync("import", "ibm-db2", IbmExport, "--tenant", "imported");
        againExit.ShouldBe(0);
        againOutput.ShouldContain("octo-org/app (existing, source 1000, 1002): 0 days new, 0 raised, 2 unchanged");
    }

    [Fact]
    public async Task Import_OfRepohistoryArchives_BringsTheirDays_WithTheNameTheArchiveLacksGivenOnTheCommandLine()
    {
        (await host.RunAsync("tenant", "create", "imported-rh")).ExitCode.ShouldBe(0);
        var archives = Directory.CreateTempSubdirectory("ghstats-host-repohistory-").FullName;
        try
        {
            // repohistory's export route zips its CSV files at the archive's root, one archive per repository.
            foreach (var folder in Directory.EnumerateDirectories(Path.Combine(Fixtures, "Repohistory")))
            {
                ZipFile.CreateFromDirectory(folder, Path.Combine(archives, Path.GetFileName(folder) + ".zip"));
            }

            var (exitCode, output, error) = await host.RunAsync(
                "import", "repohistory", archives, "--tenant", "imported-rh", "--repository", "octo-org-docs-data-csv.zip=octo-org/docs");

            exitCode.ShouldBe(0, error);
            output.ShouldContain("octocat/app (created, tracked, source octocat-app-data-csv (1).zip, octocat-app-data-csv.zip): 5 days new, 0 raised");
            output.ShouldContain("rejected octocat-app-data-csv.zip/views.csv:7: bad count on 2021-03-06");
            output.ShouldContain("note: referrers.csv and popular-content.csv are not imported");
            using var admin = HostSession.Anonymous(host.Host.Address);
            await admin.SignInAsync(CommandHost.OperatorEmail);
            var repositories = await admin.GetAsync<ApiWire.Repository[]>("api/v1/repos?tenant=imported-rh");
            repositories.Select(r => r.FullName).ShouldBe(["octo-org/docs", "octocat/app"], ignoreOrder: true);
            var app = repositories.Single(r => r.FullName == "octocat/app");
            var traffic = await admin.GetAsync<ApiWire.Traffic>($"api/v1/repos/{app.Id}/traffic?from=2021-03-01&to=2021-03-03&per=day");
            traffic.Points.Select(p => (p.Date, p.Views, p.Clones)).ShouldBe(
                [(new DateOnly(2021, 3, 1), 10L, 2L), (new DateOnly(2021, 3, 2), 0L, 1L), (new DateOnly(2021, 3, 3), 8L, 0L)]);
            (traffic.Totals.KnownDays, traffic.Totals.PartialDays).ShouldBe((3, 3));
        }
        finally
        {
            Directory.Delete(archives, recursive: true);
        }
    }

    [Theory]
    [InlineData("import ibm-db2", "<source> <path> --tenant")]
    [InlineData("import nosuchtool /tmp --tenant x", "ibm-db2, ibm-csv, github-repo-stats, ghstats-sqlite, repohistory")]
    [InlineData("import ibm-db2 /tmp --tenant x --colour red", "--colour")]
    public async Task Import_UsedWrongly_ExitsWith2(string command, string named)
    {
        var (exitCode, output, error) = await host.RunAsync(command.Split(' '));

        exitCode.ShouldBe(2, output + error);
        error.ShouldContain(named);
    }

    [Fact]
    public async Task Import_OfAMissingDirectoryOrTenant_ExitsWith1_AndSaysWhy()
    {
        var (missingDir, _, dirError) = await host.RunAsync("import", "ibm-db2", "/nonexistent/ibm", "--tenant", "imported-missing");
        var (missingTenant, _, tenantError) = await host.RunAsync("import", "ibm-db2", IbmExport, "--tenant", "no-such-tenant");

        missingDir.ShouldBe(1);
        dirError.ShouldContain("Import failed, nothing was written");
        missingTenant.ShouldBe(1);
        tenantError.ShouldContain("no-such-tenant");
    }
}
