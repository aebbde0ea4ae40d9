using System.Globalization;

namespace GhStats.Bench.Queries;

/// <summary>Reads "--name value" pairs, the way every bench command takes its options.</summary>
internal static class CommandLine
{
    /// <summary>The pairs, by name.</summary>
    /// <param name="args">The arguments after the command.</param>
    /// <param name="known">The names allowed.</param>
    /// <returns>Value by name.</returns>
    /// <exception cref="ArgumentException">When a name is unknown or has no value.</exception>
    public static Dictionary<string, string> Pairs(IReadOnlyList<string> args, params string[] known)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!known.Contains(args[i], StringComparer.Ordinal))
            {
                throw new ArgumentException($"Unknown option '{args[i]}'.", nameof(args));
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"Option {args[i]} needs a value.", nameof(args));
            }

            values[args[i]] = args[i + 1];
        }

        return values;
    }

    /// <summary>A whole number within bounds.</summary>
    /// <param name="option">The option, for the message.</param>
    /// <param name="value">Its value.</param>
    /// <param name="min">Smallest allowed.</param>
    /// <param name="max">Largest allowed.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentException">When it is not a number in range.</exception>
    public static int Number(string option, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{option} takes a whole number from {min} to {max}, not '{value}'.", nameof(value));

    /// <summary>A comma-separated list of whole numbers within bounds, e.g. "1,16".</summary>
    /// <param name="option">The option, for the message.</param>
    /// <param name="value">Its value.</param>
    /// <param name="min">Smallest allowed.</param>
    /// <param name="max">Largest allowed.</param>
    /// <returns>The numbers, in the order given.</returns>
    public static IReadOnlyList<int> Numbers(string option, string value, int min, int max) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => Number(option, v, min, max)).ToList();
}
