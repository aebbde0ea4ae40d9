using System.Globalization;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Transfer.Archive;
using GhStats.Transfer.Import;
using Microsoft.Extensions.Options;

namespace GhStats.Transfer.Jobs;

/// <summary>
/// <see cref="ITransferService"/>: stores an upload in the process's private folder (streamed, refused past
/// <see cref="GhStatsTransferOptions.MaxUploadBytes"/>), checks at once that it is something the job can read, records
/// the job and queues it for <see cref="TransferJobRunner"/>.
/// </summary>
internal sealed class TransferService(
    ITenantStore tenants,
    ITransferJobStore jobs,
    TrafficImporter importer,
    ArchiveRestorer restorer,
    ArchiveExporter exporter,
    TransferWorkspace workspace,
    TransferJobQueue queue,
    IOptions<GhStatsTransferOptions> options) : ITransferService
{
    /// <summary>The source of a restore job.</summary>
    public const string ArchiveSource = "archive";

    private const string UploadFileName = "upload";

    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    public IReadOnlyList<string> ImportSources { get; } = [.. Import.ImportSources.Names];

    /// <summary>How large an uploaded zip of a source's files may unpack; tests set smaller limits.</summary>
    internal ArchiveLimits UploadLimits { get; set; } = ArchiveLimits.Upload;

    public async Task<TransferJob> StartImportAsync(TransferImportStart start, Stream upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(upload);
        if (!Import.ImportSources.TryParse(start.Source, out var source))
        {
            throw new TransferRequestException($"Unknown import source '{SourceRows.Shorten(start.Source ?? "")}': use one of {string.Join(", ", ImportSources)}.");
        }

        var tenant = await tenants.FindBySlugAsync(start.TenantSlug, cancellationToken).ConfigureAwait(false)
            ?? throw new GhStatsNotFoundException("tenant", start.TenantSlug);
        var folder = workspace.NewJobFolder();
        try
        {
            var file = await UploadFile.SaveAsync(upload, Path.Combine(folder, UploadFileName), MaxUploadBytes, cancellationToken).ConfigureAwait(false);
            var plan = ImportUpload.Plan(source, file, start.FileName);
            var job = await jobs.CreateAsync(
                new NewTransferJob(tenant.Id, TransferJobKind.Import, Import.ImportSources.NameOf(source), Shown(start.FileName), file.Bytes, start.DryRun, start.Actor),
                cancellationToken).ConfigureAwait(false);
            queue.Enqueue(new QueuedTransfer(job, folder, async (progress, token) =>
            {
                progress.Report(new TransferJobProgress("unpacking the upload", 0, 0));
                var path = plan.Resolve(UploadLimits, token);
                var report = await importer.ImportAsync(
                    new ImportRequest(source, path, start.TenantSlug, start.Actor)
                    {
                        DryRun = start.DryRun,
                        HistoryOnly = start.HistoryOnly,
                        RepositoryNames = start.RepositoryNames,
                        Progress = progress,
                    },
                    token).ConfigureAwait(false);
                return TransferReportJson.Serialize(report);
            }));
            return job;
        }
        catch
        {
            workspace.Delete(folder);
            throw;
        }
    }

    public async Task<TransferJob> StartRestoreAsync(TransferRestoreStart start, Stream upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(upload);
        long? tenantId = null;
        if (start.TenantSlug is { } slug)
        {
            tenantId = (await tenants.FindBySlugAsync(slug, cancellationToken).ConfigureAwait(false) ?? throw new GhStatsNotFoundException("tenant", slug)).Id;
        }

        var folder = workspace.NewJobFolder();
        try
        {
            var file = await UploadFile.SaveAsync(upload, Path.Combine(folder, UploadFileName), MaxUploadBytes, cancellationToken).ConfigureAwait(false);
            CheckArchive(file, start.TenantSlug, cancellationToken);
            var job = await jobs.CreateAsync(
                new NewTransferJob(tenantId, TransferJobKind.Restore, ArchiveSource, Shown(start.FileName), file.Bytes, start.DryRun, start.Actor),
                cancellationToken).ConfigureAwait(false);
            queue.Enqueue(new QueuedTransfer(job, folder, async (progress, token) =>
            {
                var report = await restorer.RestoreAsync(new RestoreRequest(file.Path, start.Actor) { DryRun = start.DryRun, Progress = progress }, token).ConfigureAwait(false);
                return TransferReportJson.Serialize(report);
            }));
            return job;
        }
        catch
        {
            workspace.Delete(folder);
            throw;
        }
    }

    public Task ExportAsync(string? tenantSlug, Stream output, CancellationToken cancellationToken = default) =>
        exporter.ExportAsync(tenantSlug, output, cancellationToken);

    /// <summary>
    /// Reads the archive's manifest and tenants before the job is queued: a tenant's restore takes only an archive of that
    /// tenant (never an installation's, nor one that holds another tenant).
    /// </summary>
    private void CheckArchive(UploadFile file, string? tenantSlug, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
            using var reader = ArchiveReader.Open(stream, restorer.Limits);
            if (tenantSlug is null)
            {
                return;
            }

            if (reader.Manifest.Scope != $"tenant:{tenantSlug}")
            {
                throw new TransferRequestException(reader.Manifest.Scope == "installation"
                    ? $"This is an installation's archive (every tenant); a tenant's restore takes an archive of {tenantSlug} only. An Admin restores an installation's archive."
                    : $"This archive holds {SourceRows.Shorten(reader.Manifest.Scope)}, not tenant {tenantSlug}: restore it into its own tenant.");
            }

            var others = reader.Read<ArchiveRows.TenantRow>(ArchiveTables.Tenants, cancellationToken).Select(t => t.Row.Slug).Where(s => s != tenantSlug).ToList();
            if (others.Count > 0)
            {
                throw new TransferRequestException(string.Create(CultureInfo.InvariantCulture,
                    $"This archive holds other tenants too ({string.Join(", ", others.Take(5).Select(SourceRows.Shorten))}); a tenant's restore takes an archive of {tenantSlug} only."));
            }
        }
        catch (ArchiveFormatException refused)
        {
            throw new TransferRequestException(refused.Message, refused);
        }
    }

    private static string Shown(string? fileName) => string.IsNullOrWhiteSpace(fileName) ? UploadFileName : fileName;
}
