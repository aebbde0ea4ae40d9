using System.Data.Common;
using Microsoft.Extensions.Options;

namespace GhStats.Db2;

/// <summary>
/// Checks the Db2 settings at start: a connection string that parses, and IBM's driver in the host (which fails the host
/// at start, not at the first query). Both problems show at once.
/// </summary>
/// <param name="driver">The driver lookup.</param>
internal sealed class GhStatsDb2OptionsValidator(Db2Driver driver) : IValidateOptions<GhStatsDb2Options>
{
    private const string Example = "e.g. \"Server=db2:50000;Database=GHSTATS;UID=ghstats;PWD=...\"";

    public ValidateOptionsResult Validate(string? name, GhStatsDb2Options options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"GhStats:Db2:ConnectionString is required, {Example}.");
        }
        else
        {
            try
            {
                // The driver's own builder may be missing; the generic one checks the key=value shape every driver shares.
                _ = new DbConnectionStringBuilder { ConnectionString = options.ConnectionString };
            }
            catch (ArgumentException exception)
            {
                failures.Add($"GhStats:Db2:ConnectionString is not a connection string ({exception.Message}); {Example}.");
            }
        }

        if (!driver.IsAvailable)
        {
            failures.Add(Db2Driver.MissingMessage);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
