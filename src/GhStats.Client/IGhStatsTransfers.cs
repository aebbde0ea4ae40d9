using GhStats.Client.Models;
using Refit;

namespace GhStats.Client;

/// <summary>
/// Imports from other traffic tools, restores and exports of GhStats archives, and the jobs that run them: a tenant's
/// for its owners (<c>/api/v1/tenants/{tenant}/...</c>), the installation's for admins. The server needs
/// <c>AddTransfer()</c>; without it these calls answer 501. Start uploads with
/// <see cref="GhStatsTransferExtensions.StartImportAsync"/> and <see cref="GhStatsTransferExtensions.StartRestoreAsync"/>,
/// then follow the job with <see cref="GhStatsTransferExtensions.WaitForTransferAsync"/>. The client's timeout covers
/// a whole upload: raise it for large files.
/// </summary>
public interface IGhStatsTransfers
{
    /// <summary>The tenant's import and restore jobs, newest first (at most 50), without their reports.</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The jobs.</returns>
    [Get("/api/v1/tenants/{tenant}/transfers")]
    Task<IReadOnlyList<TransferJob>> ListTransfersAsync(string tenant, CancellationToken cancellationToken = default);

    /// <summary>One of the tenant's jobs, with its report once it has finished.</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="id">The job's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job.</returns>
    [Get("/api/v1/tenants/{tenant}/transfers/{id}")]
    Task<TransferJob> GetTransferAsync(string tenant, long id, CancellationToken cancellationToken = default);

    /// <summary>The sources the server imports from.</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sources, by name.</returns>
    [Get("/api/v1/tenants/{tenant}/import-sources")]
    Task<IReadOnlyList<ImportSource>> ListImportSourcesAsync(string tenant, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads a source's file and starts importing it, as the form the server reads; most callers use
    /// <see cref="GhStatsTransferExtensions.StartImportAsync"/> instead. 400 for an unknown source, a bad
    /// <paramref name="repositoryNames"/> line or a file the source cannot read; 413 over the server's upload limit.
    /// </summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="source">The source's name (<see cref="ListImportSourcesAsync"/>).</param>
    /// <param name="dryRun">Report only, write nothing.</param>
    /// <param name="historyOnly">Create repositories not tracked yet as history only.</param>
    /// <param name="repositoryNames">Names for repositories the source knows only by its key: one <c>key=owner/name</c> per line, or empty.</param>
    /// <param name="file">The file; the last part of the form.</param>
    /// <param name="cancellationToken">Cancels the upload; a started job goes on.</param>
    /// <returns>The job, queued or running.</returns>
    [Multipart]
    [Post("/api/v1/tenants/{tenant}/imports")]
    Task<TransferJob> UploadImportAsync(
        string tenant, string source, bool dryRun, bool historyOnly, string repositoryNames, StreamPart file, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads an archive of the tenant and starts restoring it (400 for an archive holding any other tenant); most
    /// callers use <see cref="GhStatsTransferExtensions.StartRestoreAsync"/> instead.
    /// </summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="dryRun">Report only, write nothing.</param>
    /// <param name="file">The archive; the last part of the form.</param>
    /// <param name="cancellationToken">Cancels the upload; a started job goes on.</param>
    /// <returns>The job, queued or running.</returns>
    [Multipart]
    [Post("/api/v1/tenants/{tenant}/restore")]
    Task<TransferJob> UploadRestoreAsync(string tenant, bool dryRun, StreamPart file, CancellationToken cancellationToken = default);

    /// <summary>
    /// The tenant's archive (a zip: a manifest and JSON lines per table; no secrets, no people), as a stream: copy it to
    /// a file without holding it in memory, and dispose it.
    /// </summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The zip.</returns>
    [Get("/api/v1/tenants/{tenant}/export")]
    Task<Stream> ExportAsync(string tenant, CancellationToken cancellationToken = default);

    /// <summary>Every tenant of the installation as one archive (admins), as a stream.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The zip.</returns>
    [Get("/api/v1/export")]
    Task<Stream> ExportInstallationAsync(CancellationToken cancellationToken = default);

    /// <summary>Uploads an archive and starts restoring every tenant in it (admins).</summary>
    /// <param name="dryRun">Report only, write nothing.</param>
    /// <param name="file">The archive; the last part of the form.</param>
    /// <param name="cancellationToken">Cancels the upload; a started job goes on.</param>
    /// <returns>The job, queued or running.</returns>
    [Multipart]
    [Post("/api/v1/restore")]
    Task<TransferJob> UploadInstallationRestoreAsync(bool dryRun, StreamPart file, CancellationToken cancellationToken = default);

    /// <summary>The restores of installation archives (jobs of no tenant), newest first (admins).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The jobs.</returns>
    [Get("/api/v1/transfers")]
    Task<IReadOnlyList<TransferJob>> ListInstallationTransfersAsync(CancellationToken cancellationToken = default);

    /// <summary>One job of no tenant, with its report once finished (admins).</summary>
    /// <param name="id">The job's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job.</returns>
    [Get("/api/v1/transfers/{id}")]
    Task<TransferJob> GetInstallationTransferAsync(long id, CancellationToken cancellationToken = default);
}
