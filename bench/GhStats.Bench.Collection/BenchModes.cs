using System.Globalization;

namespace GhStats.Bench.Collection;

/// <summary>
/// The modes of issue 17's robustness and capacity benchmarks, each written to bench/results/{mode}.md:
/// <c>hostile</c> (tenant B with and without a hostile tenant A), <c>one-token</c> (what one token's 5,000 calls an
/// hour keep fresh), <c>one-token-day</c> (a day of hourly runs under that budget) and <c>memory</c> (the host's memory
/// while it collects and answers the API).
/// </summary>
internal static class BenchModes
{
    public const string Usage = """
        hostile [--repos-b 200] [--repos-a 100] [--hostile-connections 1] [--rounds 2] [--trickle-ms 2000] [--limit-after 300]
        one-token [--repos 200] [--latency-ms 250]
        one-token-day [--repos 150] [--as 2000] [--latency-ms 250]   (24 hourly runs under the budget of 5,000 an hour scaled to --as)
        memory [--repos 5000] [--connections 10] [--seconds 120] [--callers 4] [--server-gc false] [--conserve-memory 7]   (starts itself again as memory-host, the measured process; workstation GC and GC conserve-memory 7 as samples/GhStats.Host has them)
        """;

    /// <summary>Runs the mode <paramref name="args"/> names, if it is one of these; false otherwise.</summary>
    public static async Task<bool> TryRunAsync(string[] args)
    {
        string report;
        string name;
        if (args.Contains("memory-host"))
        {
            await MemoryBench.HostAsync(args);
            return true;
        }

        if (args.Contains("memory"))
        {
            name = "collect-memory";
            report = await MemoryBench.RunAsync(
                Argument(args, "--repos", 5000), Argument(args, "--connections", 10), Argument(args, "--seconds", 120), Argument(args, "--callers", 4),
                Array.IndexOf(args, "--server-gc") is var gc and >= 0 && gc + 1 < args.Length && args[gc + 1] == "true",
                Argument(args, "--conserve-memory", 7));
        }
        else if (args.Contains("hostile"))
        {
            name = "collect-hostile";
            report = await HostileConnectionBench.RunAsync(
                Argument(args, "--repos-b", 200),
                Argument(args, "--repos-a", 100),
                Argument(args, "--hostile-connections", 1),
                Argument(args, "--rounds", 2),
                TimeSpan.FromMilliseconds(Argument(args, "--trickle-ms", 2000)),
                Argument(args, "--limit-after", 300));
        }
        else if (args.Contains("one-token-day"))
        {
            name = "collect-one-token-day";
            report = await OneTokenDayBench.RunAsync(Argument(args, "--repos", 150), Argument(args, "--as", 2000), TimeSpan.FromMilliseconds(Argument(args, "--latency-ms", 250)));
        }
        else if (args.Contains("one-token"))
        {
            name = "collect-one-token";
            report = await OneTokenBench.RunAsync(Argument(args, "--repos", 200), TimeSpan.FromMilliseconds(Argument(args, "--latency-ms", 250)));
        }
        else
        {
            return false;
        }

        Console.WriteLine(report);
        var results = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "results");
        Directory.CreateDirectory(results);
        await File.WriteAllTextAsync(Path.Combine(results, name + ".md"), report);
        return true;
    }

    private static int Argument(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
