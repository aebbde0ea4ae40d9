using System.Runtime.InteropServices;

namespace GhStats.Bench;

/// <summary>What the figures were measured on; the database versions are added by each store.</summary>
internal static class MachineDescription
{
    /// <summary>Cores, OS, runtime and build configuration, one per line as Markdown list items.</summary>
    /// <returns>The lines.</returns>
    public static IReadOnlyList<string> Lines() =>
    [
        $"- Cores: {Environment.ProcessorCount}",
        $"- Memory: {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):0.0} GiB",
        $"- OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})",
        $"- .NET: {RuntimeInformation.FrameworkDescription}",
        $"- Build: {Configuration}",
    ];

    /// <summary>The 1, 5 and 15 minute load averages where the OS reports them (Linux), else "n/a".</summary>
    /// <returns>E.g. "0.52 0.61 0.40".</returns>
    public static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(' ', fields.Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

#if DEBUG
    private const string Configuration = "Debug (figures not representative; use -c Release)";
#else
    private const string Configuration = "Release";
#endif
}
