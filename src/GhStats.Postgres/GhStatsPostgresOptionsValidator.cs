using Microsoft.Extensions.Options;
using Npgsql;

namespace GhStats.Postgres;

/// <summary>Checks the PostgreSQL settings at start, so a missing or malformed connection string stops the host with what to set.</summary>
internal sealed class GhStatsPostgresOptionsValidator : IValidateOptions<GhStatsPostgresOptions>
{
    private const string Example = "e.g. \"Host=localhost;Database=ghstats;Username=ghstats;Password=...\"";

    public ValidateOptionsResult Validate(string? name, GhStatsPostgresOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail($"GhStats:Postgres:ConnectionString is required, {Example}.");
        }

        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            return ValidateOptionsResult.Fail($"GhStats:Postgres:ConnectionString is not an Npgsql connection string ({exception.Message}); {Example}.");
        }

        if (string.IsNullOrWhiteSpace(parsed.Host))
        {
            return ValidateOptionsResult.Fail($"GhStats:Postgres:ConnectionString names no Host; {Example}.");
        }

        return options.MaxParallelWorkersPerGather is < 0 or > 1024
            ? ValidateOptionsResult.Fail($"GhStats:Postgres:MaxParallelWorkersPerGather is {options.MaxParallelWorkersPerGather}; it is 0 to 1024 (PostgreSQL's range), or unset to keep the server's setting.")
            : ValidateOptionsResult.Success;
    }
}
