using System.Globalization;

namespace GhStats.Bench.Cold;

/// <summary>What the cold-query benchmark runs.</summary>
/// <param name="Repositories">Repositories in the one tenant the summary reads.</param>
/// <param name="Days">Days of traffic per repository, ending yesterday (UTC).</param>
/// <param name="SeriesDays">Days of the first repository, whose whole daily series is read (10 years by default).</param>
/// <param name="Calls">Timed calls per query; p95 is read from them.</param>
/// <param name="Providers">"sqlite", "postgres" or both.</param>
/// <param name="HoldSeconds">How long to keep each seeded database after timing, for probes with <c>sqlite3</c> or <c>psql</c> (0: none).</param>
internal sealed record ColdOptions(int Repositories, int Days, int SeriesDays, int Calls, IReadOnlyList<string> Providers, int HoldSeconds = 0)
{
    public const string Usage = "[--repos 1000] [--days 1096] [--series-days 3653] [--calls 200] [--provider sqlite|postgres|all] [--hold-seconds 0]";

    public static readonly ColdOptions Defaults = new(1000, 1096, 3653, 200, ["sqlite", "postgres"]);

    /// <summary>Reads the options after the command.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">When an option is unknown or out of range.</exception>
    public static ColdOptions Parse(IReadOnlyList<string> args)
    {
        var options = Defaults;
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"Option {args[i]} needs a value.", nameof(args));
            }

            var value = args[i + 1];
            options = args[i] switch
            {
                "--repos" => options with { Repositories = Number(args[i], value, 1, 100_000) },
                "--days" => options with { Days = Number(args[i], value, 366, 5_000) },
                "--series-days" => options with { SeriesDays = Number(args[i], value, 14, 5_000) },
                "--calls" => options with { Calls = Number(args[i], value, 20, 100_000) },
                "--hold-seconds" => options with { HoldSeconds = Number(args[i], value, 0, 86_400) },
                "--provider" => options with { Providers = value switch
                {
                    "sqlite" => ["sqlite"],
                    "postgres" => ["postgres"],
                    "all" => ["sqlite", "postgres"],
                    _ => throw new ArgumentException($"--provider is sqlite, postgres or all, not '{value}'.", nameof(args)),
                } },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.", nameof(args)),
            };
        }

        return options;
    }

    private static int Number(string option, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{option} takes a whole number from {min} to {max}, not '{value}'.", nameof(value));
}
