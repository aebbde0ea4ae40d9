using System.Globalization;
using GhStats.Domain;
using GhStats.Transfer.Import;

namespace GhStats.Host;

/// <summary>
/// <c>import &lt;source&gt; &lt;path&gt; --tenant &lt;slug&gt; [--dry-run] [--history-only] [--repository &lt;key&gt;=&lt;owner/name&gt;]...</c>:
/// brings another tool's history into a tenant and prints, per repository, what it did (or, as a dry run, would do).
/// </summary>
internal static class ImportCommand
{
    public const string Usage = "import needs: <source> <path> --tenant <slug> [--dry-run] [--history-only] [--repository <key>=<owner/name>]...";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        if (!TryRead(args, out var request, out var problem))
        {
            await error.WriteLineAsync(problem);
            return HostCommands.Usage;
        }

        try
        {
            var report = await services.GetRequiredService<TrafficImporter>().ImportAsync(request);
            await WriteAsync(report, output);
            return HostCommands.Ok;
        }
        catch (Exception failure) when (failure is ImportFormatException or GhStatsNotFoundException or IOException)
        {
            await error.WriteLineAsync($"Import failed, nothing was written: {failure.Message}");
            return HostCommands.Failed;
        }
    }

    private static bool TryRead(string[] args, out ImportRequest request, out string? problem)
    {
        request = null!;
        problem = null;
        if (args is not ["import", var sourceName, var path, .. var options])
        {
            problem = Usage;
            return false;
        }

        if (!ImportSources.TryParse(sourceName, out var source))
        {
            problem = $"Unknown import source '{sourceName}'; use one of: {string.Join(", ", ImportSources.Names)}.";
            return false;
        }

        string? tenant = null;
        var dryRun = false;
        var historyOnly = false;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Length; i++)
        {
            switch (options[i])
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--history-only":
                    historyOnly = true;
                    break;
                case "--tenant" when i + 1 < options.Length:
                    tenant = options[++i];
                    break;
                case "--repository" when i + 1 < options.Length && options[i + 1].Split('=') is [var key, var fullName] && key.Length > 0:
                    names[key] = fullName;
                    i++;
                    break;
                default:
                    problem = $"Unknown option or missing value: '{options[i]}'. {Usage}";
                    return false;
            }
        }

        if (tenant is null)
        {
            problem = Usage;
            return false;
        }

        // The operator at the console, as the other commands are.
        request = new ImportRequest(source, path, tenant, AuditActor.System("import command"))
        {
            DryRun = dryRun,
            HistoryOnly = historyOnly,
            RepositoryNames = names,
        };
        return true;
    }

    private static async Task WriteAsync(ImportReport report, TextWriter output)
    {
        await output.WriteLineAsync(report.DryRun ? "Dry run: nothing was written." : "Imported.");
        foreach (var repository in report.Repositories)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{repository.FullName} ({Describe(repository.Outcome)}, source {string.Join(", ", repository.SourceKeys)}): {repository.DaysNew} days new, {repository.DaysRaised} raised, {repository.DaysUnchanged} unchanged, {repository.DaysLower} lower (GhStats kept its own), {repository.SnapshotsNew} snapshot rows new, {repository.Rejections.Count} rows rejected"));
            foreach (var rejection in repository.Rejections)
            {
                await output.WriteLineAsync($"  rejected {rejection.Where}: {rejection.Reason}");
            }
        }

        foreach (var rejection in report.Rejections)
        {
            await output.WriteLineAsync($"rejected {rejection.Where}: {rejection.Reason}");
        }

        if (report.Users.Count > 0)
        {
            await output.WriteLineAsync("People of the source (not granted; invite them as you see fit):");
            foreach (var user in report.Users)
            {
                await output.WriteLineAsync($"  {user.Email} ({user.Name}): {(user.Roles.Count > 0 ? string.Join("; ", user.Roles) : "no role")}");
            }
        }

        foreach (var note in report.Notes)
        {
            await output.WriteLineAsync($"note: {note}");
        }
    }

    internal static string Describe(RepositoryImportOutcome outcome) => outcome switch
    {
        RepositoryImportOutcome.Existing => "existing",
        RepositoryImportOutcome.CreatedTracked => "created, tracked",
        RepositoryImportOutcome.CreatedHistoryOnly => "created, history only",
        _ => "rejected",
    };
}
