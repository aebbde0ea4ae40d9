using GhStats;
using GhStats.Sqlite;
using GhStats.Storage;
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
    public static GhStatsBuilder UseSqlite(this GhStatsBuilder builder, Action<GhStatsSqliteOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // A second call only adds its code configuration: binding and validation are registered once.
        if (builder.Services.Any(d => d.ImplementationInstance is GhStatsStorageProvider { Name: "sqlite" }))
        {
            if (configure is not null)
            {
                builder.Services.Configure(configure);
            }

            return builder;
        }

        var options = builder.Services.AddOptions<GhStatsSqliteOptions>()
            .Bind(builder.Configuration.GetSection(GhStatsSqliteOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "GhStats:Sqlite:ConnectionString is required, e.g. \"Data Source=ghstats.db\".")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder.UseRelationalStore("sqlite", sp => ActivatorUtilities.CreateInstance<SqliteStoreProvider>(sp));
    }
}
