using GhStats;
using GhStats.Db2;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Db2 storage to GhStats.</summary>
public static class GhStatsDb2BuilderExtensions
{
    /// <summary>Stores GhStats' data in Db2 LUW or Db2 on Cloud; the host adds IBM's driver package for its operating system.</summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="connectionString">An IBM Data Server Provider connection string.</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder UseDb2(this GhStatsBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseDb2(o => o.ConnectionString = connectionString);
    }

    /// <summary>Stores GhStats' data in Db2, configured from <c>GhStats:Db2</c> and then <paramref name="configure"/>.</summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration, applied after the configuration section.</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder UseDb2(this GhStatsBuilder builder, Action<GhStatsDb2Options>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(_ => Db2Driver.Ibm());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsDb2Options>, Db2DriverValidator>());
        return builder.UseRelationalStore(
            "db2",
            GhStatsDb2Options.SectionName,
            configure,
            o => !string.IsNullOrWhiteSpace(o.ConnectionString),
            "GhStats:Db2:ConnectionString is required, e.g. \"Server=db2:50000;Database=GHSTATS;UID=ghstats;PWD=...\".",
            sp => ActivatorUtilities.CreateInstance<Db2StoreProvider>(sp));
    }
}
