using System.Globalization;
using GhStats.Domain;
using GhStats.Transfer.Archive;

namespace GhStats.Host;

/// <summary>
/// <c>export --tenant &lt;slug&gt; | --all [--out &lt;file&gt;]</c> writes a tenant's (or every tenant's) archive to a file or to
/// stdout; <c>restore &lt;file&gt; [--dry-run]</c> merges an archive into this installation and prints, per tenant and
/// repository, what it did (or, as a dry run, would do).
/// </summary>
internal static class ArchiveCommands
{
    public const string ExportUsage = "export needs: --tenant <slug> or --all, and optionally --out <file> (else the archive goes to stdout)";
    public const string RestoreUsage = "restore needs: <file> [--dry-run]";

    public static async Task<int> ExportAsync(string[] args, IServiceProvider services, Func<Stream> standardOutput, TextWriter error)
    {
        string? tenant = null;
        string? path = null;
        var all = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--tenant" when i + 1 < args.Length:
                    tenant = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    path = args[++i];
                    break;
                case "--all":
                    all = true;
                    break;
                default:
                    await error.WriteLineAsync($"Unknown option or missing value: '{args[i]}'. {ExportUsage}");
                    return HostCommands.Usage;
            }
        }

        if ((tenant is null) == !all)
        {
            await error.WriteLineAsync(ExportUsage);
            return HostCommands.Usage;
        }

        try
        {
            ArchiveManifest manifest;
            if (path is null)
            {
                // Nothing else goes to stdout while the archive does: the host's logs go to stderr in commands.
                using var stdout = standardOutput();
                manifest = await services.GetRequiredService<ArchiveExporter>().ExportAsync(tenant, stdout);
                await stdout.FlushAsync();
            }
            else
            {
                var partial = path + ".partial";
                try
                {
                    using var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None);
                    manifest = await services.GetRequiredService<ArchiveExporter>().ExportAsync(tenant, file);
                }
                catch
                {
                    File.Delete(partial);
                    throw;
                }

                // A failed export leaves no file that looks finished.
                File.Move(partial, path, overwrite: true);
            }

            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Exported {manifest.Scope} (schema {manifest.SchemaVersion}): {string.Join(", ", manifest.Tables.Select(t => $"{t.Name} {t.Rows}"))}. Connections are exported without their secrets."));
            return HostCommands.Ok;
        }
        catch (Exception failure) when (failure is GhStatsNotFoundException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Export failed: {failure.Message}");
            return HostCommands.Failed;
        }
    }

    public static async Task<int> RestoreAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        if (args is not ["restore", var path, .. var options] || options.Any(o => o != "--dry-run"))
        {
            await error.WriteLineAsync(RestoreUsage);
            return HostCommands.Usage;
        }

        try
        {
            // The operator at the console, as the other commands are.
            var report = await services.GetRequiredService<ArchiveRestorer>().RestoreAsync(
                new RestoreRequest(path, AuditActor.System("restore command")) { DryRun = options.Length > 0 });
            await WriteAsync(report, output);
            return HostCommands.Ok;
        }
        catch (Exception failure) when (failure is ArchiveFormatException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Restore failed, nothing was written: {failure.Message}");
            return HostCommands.Failed;
        }
        catch (Exception refused) when (refused is ArgumentException or GhStatsConflictException or GhStatsNotFoundException)
        {
            // The archive passed every check, so a store refused a row; a restore never lowers or doubles, so running it again is safe.
            await error.WriteLineAsync($"Restore stopped: {refused.Message} What was restored before this stays; restoring again completes it.");
            return HostCommands.Failed;
        }
    }

    private static async Task WriteAsync(RestoreReport report, TextWriter output)
    {
        await output.WriteLineAsync(report.DryRun ? "Dry run: nothing was written." : "Restored.");
        await output.WriteLineAsync($"Archive: {report.Manifest.Scope}, written {report.Manifest.ExportedAt:u} by GhStats {report.Manifest.ProductVersion} (schema {report.Manifest.SchemaVersion}).");
        foreach (var tenant in report.Tenants)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"tenant {tenant.Slug} ({(tenant.Created ? "created" : "existing")}): {tenant.ConnectionsNew} connections new (need their token), {tenant.OwnersNew} owners new, {tenant.StatsDaysWritten} counter days new or raised, {tenant.AnnotationsNew} notes new, {tenant.DashboardsNew} dashboards new"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {tenant.WeeksWritten} GitHub weeks, {tenant.StarDaysWritten} star days new or raised, {tenant.StarBackfillsNew} star backfill states new, {tenant.ReleasesWritten} releases, {tenant.AssetSnapshotsWritten} asset download snapshots, {tenant.ReleaseReadDaysWritten} release read days new or raised"));
            foreach (var repository in tenant.Repositories)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {repository.FullName} ({ImportCommand.Describe(repository.Outcome)}): {repository.DaysNew} days new, {repository.DaysRaised} raised, {repository.DaysUnchanged} unchanged, {repository.DaysLower} lower (GhStats kept its own), {repository.SnapshotsNew} snapshot rows new"));
            }
        }

        foreach (var note in report.Notes)
        {
            await output.WriteLineAsync($"note: {note}");
        }
    }
}
