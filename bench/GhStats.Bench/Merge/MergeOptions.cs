using System.Globalization;

namespace GhStats.Bench.Merge;

/// <summary>What the merge benchmark (and its batch-size sweep) runs: how much data, how many rounds, which stores.</summary>
/// <param name="Repositories">Repositories, each with one row per day.</param>
/// <param name="Days">Days of traffic per repository, ending yesterday (UTC).</param>
/// <param name="Rounds">Rounds per store; the report shows the median.</param>
/// <param name="Providers">"sqlite", "postgres" or both.</param>
/// <param name="WindowRepositories">Repositories in the overlapping-windows sample; 0 skips that scenario.</param>
internal sealed record MergeOptions(int Repositories, int Days, int Rounds, IReadOnlyList<string> Providers, int WindowRepositories)
{
    public const string Usage = "[--repos 1000] [--days 1096] [--rounds 3] [--provider sqlite|postgres|all] [--window-repos 100]";

    /// <summary>The first day GhStats accepts.</summary>
    private static readonly DateOnly EarliestDay = new(2008, 1, 1);

    /// <summary>The merge benchmark's defaults: DESIGN.md's 1,000 repositories x 3 years.</summary>
    public static readonly MergeOptions Merge = new(1000, 1096, 3, ["sqlite", "postgres"], 100);

    /// <summary>The import benchmark's defaults: the same 1,000 repositories x 3 years, no overlapping windows.</summary>
    public static readonly MergeOptions Import = new(1000, 1096, 3, ["sqlite", "postgres"], 0);

    /// <summary>The batch-size sweep's defaults: a tenth of the data, one round per size.</summary>
    public static readonly MergeOptions Batch = new(100, 1096, 1, ["sqlite", "postgres"], 0);

    /// <summary>Reads the options after the command.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="defaults">The command's defaults.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">When an option is unknown or out of range.</exception>
    public static MergeOptions Parse(IReadOnlyList<string> args, MergeOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var options = defaults;
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
                "--days" => options with { Days = Number(args[i], value, 14, DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - EarliestDay.DayNumber) },
                "--rounds" => options with { Rounds = Number(args[i], value, 1, 99) },
                "--window-repos" => options with { WindowRepositories = Number(args[i], value, 0, 100_000) },
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

        return options with { WindowRepositories = Math.Min(options.WindowRepositories, options.Repositories) };
    }

    private static int Number(string option, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{option} takes a whole number from {min} to {max}, not '{value}'.", nameof(value));
}
