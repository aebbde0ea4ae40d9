using GhStats;
using GhStats.Transfer.Archive;
using GhStats.Transfer.Import;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds import and export to GhStats.</summary>
public static class GhStatsTransferBuilderExtensions
{
    /// <summary>
    /// Adds import from other traffic tools and the export and restore of tenants. It needs a storage provider: imported
    /// and restored rows are merged through the store ports by the same rules as collection.
    /// </summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder AddTransfer(this GhStatsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        // Import/: readers for the other tools' files, merged through the store ports.
        services.TryAddSingleton<TrafficImporter>();

        // Archive/: a tenant's (or the installation's) export to one zip, and its restore by the same merge rules.
        services.TryAddSingleton<ArchiveExporter>();
        services.TryAddSingleton<ArchiveRestorer>();
        return builder;
    }
}
