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
    // RS0027: the other overload takes a connection string; this one, with nothing or code configuration, is the usual call.
#pragma warning disable RS0027
    public static GhStatsBuilder UseDb2(this GhStatsBuilder builder, Action<GhStatsDb2Options>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(_ => Db2Driver.Ibm());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsDb2Options>, GhStatsDb2OptionsValidator>());
        return builder.UseRelationalStore(
            "db2",
            GhStatsDb2Options.SectionName,
            configure,
            sp => ActivatorUtilities.CreateInstance<Db2StoreProvider>(sp));
    }
#pragma warning restore RS0027

    /// <summary>
    /// Changes the Db2 settings (<c>GhStats:Db2</c>) in code, after the configuration; <c>UseDb2()</c> chooses Db2 as the store.
    /// </summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration.</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder ConfigureDb2(this GhStatsBuilder builder, Action<GhStatsDb2Options> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.BindOptions<GhStatsDb2Options>(GhStatsDb2Options.SectionName).Configure(configure);
        return builder;
    }
}
