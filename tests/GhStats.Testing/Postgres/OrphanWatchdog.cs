using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace GhStats.Testing.Postgres;

/// <summary>
/// A small detached shell loop that stops a test server and deletes its folder once the test process is gone,
/// because `dotnet test` kills the test host about 100 ms after the run, before exit handlers can finish.
/// </summary>
internal static class OrphanWatchdog
{
    // Values arrive as positional parameters, never spliced into the script, so any path is safe.
    private const string Script = """
        exec </dev/null >/dev/null 2>&1
        owner=$1; root=$2; data=$3; shift 3
        while kill -0 "$owner" && [ -d "$root" ]; do sleep 1; done
        [ -d "$root" ] || exit 0
        if [ -f "$data/postmaster.pid" ]; then
          "$@" -D "$data" -m fast -w -t 30 stop || "$@" -D "$data" -m immediate -w -t 30 stop
        fi
        rm -rf "$root"
        """;

    /// <summary>
    /// Starts watching: when this process exits while <paramref name="rootDirectory"/> still exists, the watchdog
    /// runs <paramref name="pgCtlCommand"/> (pg_ctl, possibly behind runuser) to stop the server, then deletes the folder.
    /// </summary>
    public static void Watch(string rootDirectory, string dataDirectory, IReadOnlyList<string> pgCtlCommand)
    {
        var startInfo = new ProcessStartInfo("sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(Script);
        startInfo.ArgumentList.Add("ghstats-postgres-watchdog");
        startInfo.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        startInfo.ArgumentList.Add(rootDirectory);
        startInfo.ArgumentList.Add(dataDirectory);
        foreach (var part in pgCtlCommand)
        {
            startInfo.ArgumentList.Add(part);
        }

        try
        {
            using var process = Process.Start(startInfo)
                ?? throw new InvalidOperationException($"Could not start the cleanup watchdog (sh) for {rootDirectory}.");

            // The loop reopens its output on /dev/null; our pipe ends are not needed.
            process.StandardInput.Close();
            process.StandardOutput.Close();
            process.StandardError.Close();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start the cleanup watchdog (sh) for {rootDirectory}: {ex.Message}", ex);
        }
    }
}
