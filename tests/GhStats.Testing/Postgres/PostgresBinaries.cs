using System.Globalization;

namespace GhStats.Testing.Postgres;

/// <summary>Where this machine's PostgreSQL server programs (initdb, pg_ctl) live.</summary>
internal sealed class PostgresBinaries
{
    /// <summary>The message for a machine without the server programs; it names the fix.</summary>
    public const string NotFoundMessage =
        "PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin or on PATH. " +
        "Install them with `apt-get install postgresql`, or run ./test.sh, which installs them.";

    private const string DebianRoot = "/usr/lib/postgresql";

    private PostgresBinaries(string directory)
    {
        Directory = directory;
        InitDb = Path.Combine(directory, "initdb");
        PgCtl = Path.Combine(directory, "pg_ctl");
    }

    /// <summary>The folder holding initdb, pg_ctl and postgres.</summary>
    public string Directory { get; }

    /// <summary>Full path of initdb.</summary>
    public string InitDb { get; }

    /// <summary>Full path of pg_ctl.</summary>
    public string PgCtl { get; }

    /// <summary>Finds the binaries: newest /usr/lib/postgresql/*/bin first, then `pg_config --bindir`, then PATH.</summary>
    public static async Task<PostgresBinaries> LocateAsync(CancellationToken cancellationToken)
    {
        var candidate = DebianDirectories().FirstOrDefault(HasServerPrograms)
            ?? await PgConfigDirectoryAsync(cancellationToken).ConfigureAwait(false)
            ?? PathDirectory();
        return candidate is null ? throw new InvalidOperationException(NotFoundMessage) : new PostgresBinaries(candidate);
    }

    private static IEnumerable<string> DebianDirectories()
    {
        if (!System.IO.Directory.Exists(DebianRoot))
        {
            return [];
        }

        // Version folders are "15", "16" or old-style "9.6"; compare them as numbers so 16 beats 9.6.
        return System.IO.Directory.EnumerateDirectories(DebianRoot)
            .Select(version => (Version: decimal.TryParse(Path.GetFileName(version), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : -1m, Bin: Path.Combine(version, "bin")))
            .OrderByDescending(entry => entry.Version)
            .Select(entry => entry.Bin);
    }

    private static async Task<string?> PgConfigDirectoryAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await ProcessRunner.RunAsync("pg_config", ["--bindir"], null, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
            var directory = result.Output.Trim();
            return result.Succeeded && HasServerPrograms(directory) ? directory : null;
        }
        catch (InvalidOperationException)
        {
            // pg_config missing (client-only machines often lack it): fall through to PATH.
            return null;
        }
    }

    private static string? PathDirectory()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initDb = Path.Combine(directory, "initdb");
            if (!File.Exists(initDb))
            {
                continue;
            }

            if (HasServerPrograms(directory))
            {
                return directory;
            }

            // A lone symlink on PATH (e.g. /usr/local/bin/initdb): its target folder has the rest.
            var target = File.ResolveLinkTarget(initDb, returnFinalTarget: true)?.FullName;
            var targetDirectory = target is null ? null : Path.GetDirectoryName(target);
            if (targetDirectory is not null && HasServerPrograms(targetDirectory))
            {
                return targetDirectory;
            }
        }

        return null;
    }

    private static bool HasServerPrograms(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));
}
