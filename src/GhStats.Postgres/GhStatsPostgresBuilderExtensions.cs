using GhStats;
using GhStats.Postgres;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds PostgreSQL storage to GhStats.</summary>
public static class GhStatsPostgresBuilderExtensions
{
    /// <summary>Stores GhStats' data in PostgreSQL.</summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder UsePostgres(this GhStatsBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UsePostgres(o => o.ConnectionString = connectionString);
    }

    /// <summary>Stores GhStats' data in PostgreSQL, configured from <c>GhStats:Postgres</c> and then <paramref name="configure"/>.</summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration, applied after the configuration section.</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder UsePostgres(this GhStatsBuilder builder, Action<GhStatsPostgresOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseRelationalStore(
            "postgres",
            GhStatsPostgresOptions.SectionName,
            configure,
            o => !string.IsNullOrWhiteSpace(o.ConnectionString),
            "GhStats:Postgres:ConnectionString is required, e.g. \"Host=localhost;Database=ghstats;Username=ghstats;Password=...\".",
            sp => ActivatorUtilities.CreateInstance<PostgresStoreProvider>(sp));
    }
}
