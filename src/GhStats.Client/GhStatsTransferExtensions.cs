using GhStats.Client.Models;
using Refit;

namespace GhStats.Client;

/// <summary>Uploads from a stream and a wait for a job to end, over <see cref="IGhStatsTransfers"/>.</summary>
public static class GhStatsTransferExtensions
{
    private const string Octets = "application/octet-stream";

    /// <summary>
    /// Uploads a source's file (or a zip of its files or directory) and starts importing it into the tenant in the
    /// background; a dry run unless <paramref name="options"/> says otherwise. The stream is read to its end and left open.
    /// </summary>
    /// <param name="transfers">The client.</param>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="source">The source's name: <c>ibm-db2</c>, <c>ibm-csv</c>, <c>github-repo-stats</c>, <c>ghstats-sqlite</c> or <c>repohistory</c>.</param>
    /// <param name="file">The file's bytes.</param>
    /// <param name="fileName">The file's name (e.g. <c>repostats.csv</c>); some sources read it.</param>
    /// <param name="options">Dry run (the default), history only, repository names.</param>
    /// <param name="cancellationToken">Cancels the upload; a started job goes on.</param>
    /// <returns>The job, queued or running.</returns>
    public static Task<TransferJob> StartImportAsync(
        this IGhStatsTransfers transfers, string tenant, string source, Stream file, string fileName, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transfers);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        options ??= new ImportOptions();
        var names = string.Join("\n", options.RepositoryNames.Select(pair => $"{pair.Key}={pair.Value}"));
        return transfers.UploadImportAsync(tenant, source, options.DryRun, options.HistoryOnly, names, new StreamPart(file, fileName, Octets), cancellationToken);
    }

    /// <summary>
    /// Uploads an archive of the tenant and starts restoring it in the background (refused for an archive holding any
    /// other tenant). The stream is read to its end and left open.
    /// </summary>
    /// <param name="transfers">The client.</param>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="archive">The archive's bytes, as an export wrote them.</param>
    /// <param name="fileName">The archive's name.</param>
    /// <param name="dryRun">Report only, write nothing (the default).</param>
    /// <param name="cancellationToken">Cancels the upload; a started job goes on.</param>
    /// <returns>The job, queued or running.</returns>
    public static Task<TransferJob> StartRestoreAsync(
        this IGhStatsTransfers transfers, string tenant, Stream archive, string fileName, bool dryRun = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transfers);
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return transfers.UploadRestoreAsync(tenant, dryRun, new StreamPart(archive, fileName, Octets), cancellationToken);
    }

    /// <summary>Uploads an archive and starts restoring every tenant in it (admins). The stream is read to its end and left open.</summary>
    /// <param name="transfers">The client.</param>
    /// <param name="archive">The archive's bytes.</param>
    /// <param name="fileName">The archive's name.</param>
    /// <param name="dryRun">Report only, write nothing (the default).</param>
    /// <param name="cancellationToken">Cancels the upload; a started job goes on.</param>
    /// <returns>The job, queued or running.</returns>
    public static Task<TransferJob> StartInstallationRestoreAsync(
        this IGhStatsTransfers transfers, Stream archive, string fileName, bool dryRun = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transfers);
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return transfers.UploadInstallationRestoreAsync(dryRun, new StreamPart(archive, fileName, Octets), cancellationToken);
    }

    /// <summary>
    /// Reads a job every <paramref name="pollInterval"/> (1 second by default) until it has finished, and answers it
    /// with its report. Bound the wait with <paramref name="cancellationToken"/>.
    /// </summary>
    /// <param name="transfers">The client.</param>
    /// <param name="tenant">The tenant's slug, or null for a job of no tenant (admins).</param>
    /// <param name="id">The job's id.</param>
    /// <param name="pollInterval">How long to wait between reads; null for 1 second.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <returns>The finished job: <see cref="TransferState.Succeeded"/> with its report, or <see cref="TransferState.Failed"/> with its error.</returns>
    public static async Task<TransferJob> WaitForTransferAsync(
        this IGhStatsTransfers transfers, string? tenant, long id, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transfers);
        var interval = pollInterval ?? TimeSpan.FromSeconds(1);
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(pollInterval), pollInterval, "The poll interval must be positive.");
        }

        while (true)
        {
            var job = tenant is null
                ? await transfers.GetInstallationTransferAsync(id, cancellationToken).ConfigureAwait(false)
                : await transfers.GetTransferAsync(tenant, id, cancellationToken).ConfigureAwait(false);
            if (job.HasFinished())
            {
                return job;
            }

            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }
}
