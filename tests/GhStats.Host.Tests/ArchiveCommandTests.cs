using System.IO.Compression;
using System.Reflection;
using Shouldly;
using Xunit;

namespace GhStats.Host.Tests;

/// <summary>The export and restore commands on the host's SQLite file, checked through the host serving that file.</summary>
public sealed class ArchiveCommandTests(CommandHost host) : IClassFixture<CommandHost>, IDisposable
{
    private static readonly string IbmExport = Path.Combine(
        typeof(ArchiveCommandTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "tests", "GhStats.Transfer.Tests", "Fixtures", "IbmDb2");

    private readonly string folder = Directory.CreateTempSubdirectory("ghstats-archive-commands-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Export_ThenRestore_DryRunFirst_AndASecondRestoreChangesNothing()
    {
        (await host.RunAsync("tenant", "create", "archived")).ExitCode.ShouldBe(0);
        (await host.RunAsync("import", "ibm-db2", IbmExport, "--tenant", "archived")).ExitCode.ShouldBe(0);
        var archive = Path.Combine(folder, "archived.zip");

        var (exitCode, output, error) = await host.RunAsync("export", "--tenant", "archived", "--out", archive);

        exitCode.ShouldBe(0, error);
        output.ShouldBeEmpty();
        error.ShouldContain("Exported tenant:archived");
        error.ShouldContain("traffic_days 3");
        using (var zip = ZipFile.OpenRead(archive))
        {
            zip.Entries.Select(e => e.FullName).ShouldContain("manifest.json");
            zip.Entries.Select(e => e.FullName).ShouldContain("traffic_days.jsonl");
        }

        var (dryExit, dryOutput, dryError) = await host.RunAsync("restore", archive, "--dry-run");

        dryExit.ShouldBe(0, dryError);
        dryOutput.ShouldContain("Dry run: nothing was written.");
        dryOutput.ShouldContain("tenant archived (existing)");
        dryOutput.ShouldContain("octo-org/app (existing): 0 days new, 0 raised, 2 unchanged");

        var (restoreExit, restoreOutput, restoreError) = await host.RunAsync("restore", archive);

        restoreExit.ShouldBe(0, restoreError);
        restoreOutput.ShouldContain("Restored.");
        restoreOutput.ShouldContain("octo-org/app (existing): 0 days new, 0 raised, 2 unchanged");
        using var admin = HostSession.Anonymous(host.Host.Address);
        await admin.SignInAsync(CommandHost.OperatorEmail);
        (await admin.GetAsync<ApiWire.Repository[]>("api/v1/repos?tenant=archived")).Select(r => r.FullName).ShouldBe(["octo-org/app", "octo-org/docs"]);
    }

    [Fact]
    public async Task Export_WithoutOut_WritesTheZipAloneToStdout()
    {
        (await host.RunAsync("tenant", "create", "to-stdout")).ExitCode.ShouldBe(0);

        var (exitCode, output, error) = await host.RunAsync("export", "--tenant", "to-stdout");

        exitCode.ShouldBe(0, error);
        output.ShouldStartWith("PK\u0003\u0004");
        error.ShouldContain("Exported tenant:to-stdout");
    }

    [Fact]
    public async Task ExportAll_WritesEveryTenant_AndItRestoresWithoutChange()
    {
        (await host.RunAsync("tenant", "create", "whole-one")).ExitCode.ShouldBe(0);
        var archive = Path.Combine(folder, "installation.zip");

        var (exitCode, _, error) = await host.RunAsync("export", "--all", "--out", archive);

        exitCode.ShouldBe(0, error);
        error.ShouldContain("Exported installation");
        var (restoreExit, restoreOutput, restoreError) = await host.RunAsync("restore", archive);
        restoreExit.ShouldBe(0, restoreError);
        restoreOutput.ShouldContain("tenant whole-one (existing): 0 connections new");
        restoreOutput.ShouldNotContain("(created)");
    }

    [Theory]
    [InlineData("export", "--tenant <slug> or --all")]
    [InlineData("export --tenant a --all", "--tenant <slug> or --all")]
    [InlineData("export --tenant a --colour red", "--colour")]
    [InlineData("restore", "<file> [--dry-run]")]
    [InlineData("restore x.zip --force", "<file> [--dry-run]")]
    public async Task ArchiveCommands_UsedWrongly_ExitWith2(string command, string named)
    {
        var (exitCode, output, error) = await host.RunAsync(command.Split(' '));

        exitCode.ShouldBe(2, output + error);
        error.ShouldContain(named);
    }

    [Fact]
    public async Task Restore_OfAMissingOrBrokenFile_OrExportOfAMissingTenant_ExitsWith1_AndSaysWhy()
    {
        var broken = Path.Combine(folder, "broken.zip");
        await File.WriteAllTextAsync(broken, "this is not a zip archive");

        var (missingExit, _, missingError) = await host.RunAsync("restore", Path.Combine(folder, "none.zip"));
        var (brokenExit, _, brokenError) = await host.RunAsync("restore", broken);
        var (tenantExit, _, tenantError) = await host.RunAsync("export", "--tenant", "no-such-tenant", "--out", Path.Combine(folder, "x.zip"));

        missingExit.ShouldBe(1);
        missingError.ShouldContain("Restore failed, nothing was written");
        brokenExit.ShouldBe(1);
        brokenError.ShouldContain("not a zip archive");
        tenantExit.ShouldBe(1);
        tenantError.ShouldContain("no-such-tenant");
        File.Exists(Path.Combine(folder, "x.zip")).ShouldBeFalse();
    }
}
