using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace GhStats;

/// <summary>Checks storage settings and that exactly one storage provider was chosen, naming the package to add.</summary>
internal sealed partial class GhStatsStorageOptionsValidator(IEnumerable<GhStatsStorageProvider> providers) : IValidateOptions<GhStatsStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, GhStatsStorageOptions options)
    {
        var failures = new List<string>();
        var chosen = providers.Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (chosen.Count == 0)
        {
            failures.Add(
                "No GhStats storage provider is configured. Call UseSqlite(...) (package GhStats.Sqlite), " +
                "UsePostgres(...) (package GhStats.Postgres) or UseDb2(...) (package GhStats.Db2) on the builder that AddGhStats() returns.");
        }
        else if (chosen.Count > 1)
        {
            failures.Add($"Several GhStats storage providers are configured ({string.Join(", ", chosen)}); choose one.");
        }

        if (string.IsNullOrWhiteSpace(options.Schema) || !SchemaPattern().IsMatch(options.Schema))
        {
            failures.Add($"GhStats:Storage:Schema '{options.Schema}' is not a valid schema name: use 1 to 30 lower-case letters, digits or '_', starting with a letter.");
        }

        if (options.MigrationLockTimeout <= TimeSpan.Zero)
        {
            failures.Add("GhStats:Storage:MigrationLockTimeout must be positive, e.g. 00:05:00.");
        }

        if (options.CommandTimeout <= TimeSpan.Zero || options.CommandTimeout > TimeSpan.FromHours(1))
        {
            failures.Add("GhStats:Storage:CommandTimeout must be between 00:00:01 and 01:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,29}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaPattern();
}
