using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace GhStats.Sqlite;

/// <summary>Checks the SQLite settings at start, so a missing or malformed connection string stops the host with what to set.</summary>
internal sealed class GhStatsSqliteOptionsValidator : IValidateOptions<GhStatsSqliteOptions>
{
    public ValidateOptionsResult Validate(string? name, GhStatsSqliteOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("GhStats:Sqlite:ConnectionString is required, e.g. \"Data Source=ghstats.db\".");
        }

        try
        {
            _ = new SqliteConnectionStringBuilder(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            return ValidateOptionsResult.Fail($"GhStats:Sqlite:ConnectionString is not a SQLite connection string ({exception.Message}); e.g. \"Data Source=ghstats.db\".");
        }
    }
}
