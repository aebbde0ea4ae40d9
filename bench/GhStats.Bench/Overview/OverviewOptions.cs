using GhStats.Bench.Queries;

namespace GhStats.Bench.Overview;

/// <summary>What the overview benchmark runs.</summary>
/// <param name="Repositories">Repositories in the one tenant.</param>
/// <param name="Days">Days of traffic, all of them summarized.</param>
/// <param name="ColdRequests">Measured requests of each cold row.</param>
/// <param name="ColdWarmup">Unmeasured requests before them (JIT, connection pools).</param>
/// <param name="WarmRequests">Measured requests of each warm row (a fifth as many before them unmeasured).</param>
/// <param name="Providers">"sqlite", "postgres" or both.</param>
internal sealed record OverviewOptions(int Repositories, int Days, int ColdRequests, int ColdWarmup, int WarmRequests, IReadOnlyList<string> Providers)
{
    public const string Usage = "[--repos 10000] [--days 90] [--cold 40] [--cold-warmup 5] [--warm 500] [--provider sqlite|postgres|all]";

    public static OverviewOptions Parse(IReadOnlyList<string> args)
    {
        var options = new OverviewOptions(10_000, 90, 40, 5, 500, ["sqlite", "postgres"]);
        foreach (var (name, value) in CommandLine.Pairs(args, "--repos", "--days", "--cold", "--cold-warmup", "--warm", "--provider"))
        {
            options = name switch
            {
                "--repos" => options with { Repositories = CommandLine.Number(name, value, 1, 100_000) },
                "--days" => options with { Days = CommandLine.Number(name, value, 1, 3660) },
                "--cold" => options with { ColdRequests = CommandLine.Number(name, value, 1, 100_000) },
                "--cold-warmup" => options with { ColdWarmup = CommandLine.Number(name, value, 0, 100_000) },
                "--warm" => options with { WarmRequests = CommandLine.Number(name, value, 1, 1_000_000) },
                "--provider" => options with
                {
                    Providers = value switch
                    {
                        "sqlite" or "postgres" => [value],
                        "all" => ["sqlite", "postgres"],
                        _ => throw new ArgumentException($"--provider is sqlite, postgres or all, not '{value}'.", nameof(args)),
                    },
                },
                _ => throw new ArgumentException($"Unknown option '{name}'.", nameof(args)),
            };
        }

        return options;
    }

    public string ToArguments() => FormattableString.Invariant(
        $"--repos {Repositories} --days {Days} --cold {ColdRequests} --cold-warmup {ColdWarmup} --warm {WarmRequests} --provider {(Providers.Count == 2 ? "all" : Providers[0])}");
}
