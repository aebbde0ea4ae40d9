namespace GhStats.Bench.Collection;

/// <summary>The machine's load average (1, 5, 15 minutes) as /proc/loadavg gives it, for the report; "unknown" elsewhere.</summary>
internal static class MachineLoad
{
    public static string Read()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(" / ", parts.Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
