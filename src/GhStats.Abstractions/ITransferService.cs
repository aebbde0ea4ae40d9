using GhStats.Domain;

namespace GhStats;

/// <summary>
/// Imports, restores and exports from uploads and to downloads; implemented by the transfer package
/// (<c>AddTransfer()</c>), called by the web module. A job runs in the process that stored its upload and writes its
/// progress to <see cref="Stores.ITransferJobStore"/>, where every replica reads it.
/// </summary>
public interface ITransferService
{
    /// <summary>The largest upload accepted, in bytes.</summary>
    long MaxUploadBytes { get; }

    /// <summary>The import sources' command names (<c>ibm-db2</c>, <c>ibm-csv</c>, ...).</summary>
    IReadOnlyList<string> ImportSources { get; }

    /// <summary>Stores an upload and starts importing it into a tenant in the background.</summary>
    /// <param name="start">What to import, into which tenant, with which options.</param>
    /// <param name="upload">The uploaded file; read to its end (or to <see cref="MaxUploadBytes"/>) before this returns.</param>
    /// <param name="cancellationToken">Cancels the upload; a started job goes on.</param>
    /// <returns>The job, queued or running.</returns>
    /// <exception cref="TransferRequestException">The request or upload cannot be imported (unknown source, too large, not a file the source reads).</exception>
    /// <exception cref="GhStatsNotFoundException">When the tenant does not exist.</exception>
    Task<TransferJob> StartImportAsync(TransferImportStart start, Stream upload, CancellationToken cancellationToken = default);

    /// <summary>Stores an archive and starts restoring it in the background.</summary>
    /// <param name="start">Which tenant (or the installation) and the options.</param>
    /// <param name="upload">The archive; read to its end (or to <see cref="MaxUploadBytes"/>) before this returns.</param>
    /// <param name="cancellationToken">Cancels the upload; a started job goes on.</param>
    /// <returns>The job, queued or running.</returns>
    /// <exception cref="TransferRequestException">The archive cannot be restored here (too large, not an archive, another tenant's).</exception>
    /// <exception cref="GhStatsNotFoundException">When the tenant does not exist.</exception>
    Task<TransferJob> StartRestoreAsync(TransferRestoreStart start, Stream upload, CancellationToken cancellationToken = default);

    /// <summary>Writes a tenant's archive (or, with null, the installation's) to a stream, as it reads.</summary>
    /// <param name="tenantSlug">The tenant, or null for every tenant.</param>
    /// <param name="output">Where the zip goes; it need not seek.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>A task that completes when the archive is written.</returns>
    /// <exception cref="GhStatsNotFoundException">When the tenant does not exist.</exception>
    Task ExportAsync(string? tenantSlug, Stream output, CancellationToken cancellationToken = default);
}
