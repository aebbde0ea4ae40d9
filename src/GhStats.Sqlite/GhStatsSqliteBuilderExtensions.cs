using GhStats;
using GhStats.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds SQLite storage to GhStats.</summary>
public static class GhStatsSqliteBuilderExtensions
{
    /// <summary>Stores GhStats' data in a SQLite file: the embedded default.</summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="connectionString">E.g. "Data Source=ghstats.db".</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder UseSqlite(this GhStatsBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseSqlite(o => o.ConnectionString = connectionString);
    }

    /// <summary>Stores GhStats' data in SQLite, configured from <c>GhStats:Sqlite</c> and then <paramref name="configure"/>.</summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration, applied after the configuration section.</param>
    /// <returns>The builder.</returns>
    // RS0027: the other overload takes a connection string; this one, with nothing or code configuration, is the usual call.
#pragma warning disable RS0027
    public static GhStatsBuilder UseSqlite(this GhStatsBuilder builder, Action<GhStatsSqliteOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsSqliteOptions>, GhStatsSqliteOptionsValidator>());
        return builder.UseRelationalStore(
            "sqlite",
            GhStatsSqliteOptions.SectionName,
            configure,
            sp => ActivatorUtilities.CreateInstance<SqliteStoreProvider>(sp));
    }
#pragma warning restore RS0027

    /// <summary>
    /// Changes the SQLite settings (<c>GhStats:Sqlite</c>) in code, after the configuration; <c>UseSqlite()</c> chooses
    /// SQLite as the store.
    /// </summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration.</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder ConfigureSqlite(this GhStatsBuilder builder, Action<GhStatsSqliteOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.BindOptions<GhStatsSqliteOptions>(GhStatsSqliteOptions.SectionName).Configure(configure);
        return builder;
    }
}
