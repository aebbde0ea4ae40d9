using GhStats;
using GhStats.Postgres;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
    // RS0027: the other overload takes a connection string; this one, with nothing or code configuration, is the usual call.
#pragma warning disable RS0027
    public static GhStatsBuilder UsePostgres(this GhStatsBuilder builder, Action<GhStatsPostgresOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsPostgresOptions>, GhStatsPostgresOptionsValidator>());
        return builder.UseRelationalStore(
            "postgres",
            GhStatsPostgresOptions.SectionName,
            configure,
            sp => ActivatorUtilities.CreateInstance<PostgresStoreProvider>(sp));
    }
#pragma warning restore RS0027

    /// <summary>
    /// Changes the PostgreSQL settings (<c>GhStats:Postgres</c>) in code, after the configuration; <c>UsePostgres()</c>
    /// chooses PostgreSQL as the store.
    /// </summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration.</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder ConfigurePostgres(this GhStatsBuilder builder, Action<GhStatsPostgresOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.BindOptions<GhStatsPostgresOptions>(GhStatsPostgresOptions.SectionName).Configure(configure);
        return builder;
    }
}
