using System.Diagnostics;

namespace GhStats.Bench.Queries;

/// <summary>Starts this benchmark program again with another command, as the server or the load process.</summary>
internal static class ChildProcess
{
    /// <summary>A start description for "GhStats.Bench {args}": stdout redirected, stderr shared with this process.</summary>
    /// <param name="args">The command and its options.</param>
    /// <returns>The description.</returns>
    public static ProcessStartInfo For(IEnumerable<string> args)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
        var start = new ProcessStartInfo(host)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };

        // Started as "dotnet GhStats.Bench.dll", the child needs the assembly named too.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
