using GhStats;
using GhStats.Transfer;
using GhStats.Transfer.Archive;
using GhStats.Transfer.Import;
using GhStats.Transfer.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds import and export to GhStats.</summary>
public static class GhStatsTransferBuilderExtensions
{
    /// <summary>
    /// Adds import from other traffic tools and the export and restore of tenants. It needs a storage provider: imported
    /// and restored rows are merged through the store ports by the same rules as collection. It also adds
    /// <see cref="ITransferService"/> for the web module (uploads run as background jobs in this process, with their
    /// progress in the store), the sweep that fails jobs a stopped process left running, and options from
    /// <c>GhStats:Transfer</c>.
    /// </summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration, applied after the configuration section.</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder AddTransfer(this GhStatsBuilder builder, Action<GhStatsTransferOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = builder.BindOptions<GhStatsTransferOptions>(GhStatsTransferOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsTransferOptions>, GhStatsTransferOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Import/: readers for the other tools' files, merged through the store ports.
        services.TryAddSingleton<TrafficImporter>();

        // Archive/: a tenant's (or the installation's) export to one zip, and its restore by the same merge rules.
        services.TryAddSingleton<ArchiveExporter>();
        services.TryAddSingleton<ArchiveRestorer>();

        // Jobs/: uploads from the web stored privately, run one at a time in the background, swept when left behind.
        services.TryAddSingleton<TransferWorkspace>();
        services.TryAddSingleton<TransferJobQueue>();
        services.TryAddSingleton<ITransferService, TransferService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TransferJobRunner>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StaleTransferSweeper>());
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder;
    }
}
