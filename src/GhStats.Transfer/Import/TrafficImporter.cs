using System.Globalization;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.Logging;

namespace GhStats.Transfer.Import;

/// <summary>
/// Imports another tool's traffic history into a tenant through the store ports, by the rules collection follows: each
/// day keeps the maximum of each field and the best coverage the source proves, so importing twice, or importing what
/// GhStats already collected, changes nothing. A dry run reports the same numbers and writes nothing. Each repository
/// is one transaction: a failure leaves it as it was.
/// </summary>
public sealed partial class TrafficImporter
{
    private const string CheckingPhase = "checking the file";
    private const string WritingPhase = "writing repositories";
    private const string ComparingPhase = "comparing repositories";

    private readonly ITenantStore tenants;
    private readonly IRepositoryStore repositories;
    private readonly ITrafficStore traffic;
    private readonly IAuditStore audit;
    private readonly TimeProvider clock;
    private readonly ILogger<TrafficImporter> logger;
    private readonly StoredHistory stored;

    /// <summary>Creates the importer; <c>AddTransfer()</c> registers it.</summary>
    /// <param name="tenants">The tenant store.</param>
    /// <param name="repositories">The repository store.</param>
    /// <param name="traffic">The traffic store.</param>
    /// <param name="audit">The audit log.</param>
    /// <param name="clock">The clock that says what "today" is.</param>
    /// <param name="logger">The log.</param>
    public TrafficImporter(ITenantStore tenants, IRepositoryStore repositories, ITrafficStore traffic, IAuditStore audit, TimeProvider clock, ILogger<TrafficImporter> logger)
    {
        this.tenants = tenants;
        this.repositories = repositories;
        this.traffic = traffic;
        this.audit = audit;
        this.clock = clock;
        this.logger = logger;
        stored = new StoredHistory(traffic);
    }

    /// <summary>Imports (or, as a dry run, reports) a source's history into a tenant.</summary>
    /// <param name="request">What to import.</param>
    /// <param name="cancellationToken">Stops between repositories; each repository is written whole or not at all.</param>
    /// <returns>Per repository, what was (or would be) done.</returns>
    /// <exception cref="GhStatsNotFoundException">When the tenant does not exist.</exception>
    /// <exception cref="ImportFormatException">When a source file is not as its tool writes it; nothing is written then.</exception>
    /// <exception cref="FileNotFoundException">When the source's file is missing.</exception>
    /// <exception cref="DirectoryNotFoundException">When the source's directory is missing.</exception>
    public async Task<ImportReport> ImportAsync(ImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tenant = await tenants.FindBySlugAsync(request.TenantSlug, cancellationToken).ConfigureAwait(false)
            ?? throw new GhStatsNotFoundException("tenant", request.TenantSlug);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var reader = CreateReader(request, today);

        // The whole source is read once before the first write, so a broken file leaves the database untouched.
        request.Progress?.Report(new TransferJobProgress(CheckingPhase, 0, 0));
        var scan = reader.Scan(cancellationToken);
        var reports = new List<RepositoryImportReport>();
        var sourceName = ImportSources.NameOf(request.Source);
        var phase = request.DryRun ? ComparingPhase : WritingPhase;
        request.Progress?.Report(new TransferJobProgress(phase, 0, scan.RepositoryCount));
        foreach (var repository in reader.Repositories(cancellationToken))
        {
            var report = await ImportRepositoryAsync(tenant, repository, request, today, cancellationToken).ConfigureAwait(false);
            LogRepository(sourceName, report.FullName, report.Outcome, report.DaysNew, report.DaysRaised, report.DaysLower, report.Rejections.Count, request.DryRun);
            reports.Add(report);
            request.Progress?.Report(new TransferJobProgress(phase, reports.Count, Math.Max(reports.Count, scan.RepositoryCount)));
        }

        return new ImportReport(request.Source, request.DryRun, reports.OrderBy(r => r.FullName, StringComparer.OrdinalIgnoreCase).ToList(), scan.Users, scan.Rejections, scan.Notes);
    }

    private static IImportReader CreateReader(ImportRequest request, DateOnly today) => request.Source switch
    {
        ImportSource.IbmDb2Export => new IbmDb2ExportReader(request, today),
        ImportSource.IbmRepostatsCsv => new IbmRepostatsReader(request, today),
        ImportSource.GitHubRepoStats => new RepoStatsDataReader(request, today),
        ImportSource.GhstatsSqlite => new GhstatsDatabaseReader(request, today),
        ImportSource.RepohistoryCsv => new RepohistoryArchiveReader(request, today),
        _ => throw new ArgumentOutOfRangeException(nameof(request), request.Source, "Unknown import source."),
    };

    private async Task<RepositoryImportReport> ImportRepositoryAsync(Tenant tenant, SourceRepository source, ImportRequest request, DateOnly today, CancellationToken cancellationToken)
    {
        var rejections = new List<ImportRejection>(source.Rejections);
        if (source.NameProblem is not null || source.Owner is null || source.Name is null)
        {
            rejections.Add(new ImportRejection(string.Join(", ", source.Keys), string.Create(CultureInfo.InvariantCulture,
                $"{source.NameProblem ?? "unknown repository name"}; its {source.Days.Count} day rows and {source.Referrers.Count + source.Paths.Count} snapshot rows are left out")));
            return Report(source, RepositoryImportOutcome.Rejected, default, 0, rejections);
        }

        var days = source.Days.GroupBy(d => d.Day).Select(g => g.Aggregate((a, b) => a.Max(b))).OrderBy(d => d.Day).ToList();
        var existing = await repositories.FindByNameAsync(tenant.Id, source.Owner, source.Name, cancellationToken).ConfigureAwait(false);
        var comparison = await stored.CompareDaysAsync(tenant.Id, existing?.Id, days, cancellationToken).ConfigureAwait(false);
        var referrers = await stored.NewSnapshotsAsync(tenant.Id, existing?.Id, source.Referrers, paths: false, cancellationToken).ConfigureAwait(false);
        var paths = await stored.NewSnapshotsAsync(tenant.Id, existing?.Id, source.Paths, paths: true, cancellationToken).ConfigureAwait(false);
        var outcome = existing is not null ? RepositoryImportOutcome.Existing
            : request.HistoryOnly ? RepositoryImportOutcome.CreatedHistoryOnly
            : RepositoryImportOutcome.CreatedTracked;
        var snapshotsNew = referrers.Count + paths.Count;
        if (request.DryRun || (existing is not null && comparison.ToWrite.Count == 0 && snapshotsNew == 0))
        {
            return Report(source, outcome, comparison, snapshotsNew, rejections);
        }

        var target = existing ?? await CreateAsync(tenant, source, request, cancellationToken).ConfigureAwait(false);
        var history = new ImportedHistory(
            target.Id,
            comparison.ToWrite.ConvertAll(d => new CoveredTrafficDay(new TrafficDay(target.Id, d.Day, d.Views, d.UniqueViews, d.Clones, d.UniqueClones), d.Coverage)),
            referrers.ConvertAll(s => new ReferrerSnapshot(target.Id, s.CapturedOn, s.Key, s.Views, s.UniqueViews)),
            paths.ConvertAll(s => new PathSnapshot(target.Id, s.CapturedOn, s.Key, s.Title, s.Views, s.UniqueViews)));
        try
        {
            await traffic.MergeImportedHistoryAsync(history, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException refused)
        {
            // A repository this import created goes again, so the tenant is as it was.
            if (existing is null)
            {
                await repositories.RemoveAsync(tenant.Id, target.Id, purge: true, CancellationToken.None).ConfigureAwait(false);
            }

            rejections.Add(new ImportRejection(source.FullName, $"not written: {refused.Message}"));
            return Report(source, RepositoryImportOutcome.Rejected, default, 0, rejections);
        }

        await audit.AppendAsync(
            new NewAuditEntry(request.Actor, tenant.Id, AuditActions.TrafficImported, new AuditTarget("repository", target.Id.ToString(CultureInfo.InvariantCulture), source.FullName),
                string.Create(CultureInfo.InvariantCulture, $"{ImportSources.NameOf(request.Source)}: {comparison.New} days new, {comparison.Raised} raised, {comparison.Lower} lower kept, {snapshotsNew} snapshot rows")),
            cancellationToken).ConfigureAwait(false);
        return Report(source, outcome, comparison, snapshotsNew, rejections);
    }

    private async Task<TrackedRepository> CreateAsync(Tenant tenant, SourceRepository source, ImportRequest request, CancellationToken cancellationToken)
    {
        var created = await repositories.AddAsync(tenant.Id, source.Owner!, source.Name!, null, cancellationToken).ConfigureAwait(false);
        if (request.HistoryOnly)
        {
            // History only is a repository whose tracking stopped with its data kept: shown, never collected.
            await repositories.RemoveAsync(tenant.Id, created.Id, purge: false, cancellationToken).ConfigureAwait(false);
        }

        await audit.AppendAsync(
            new NewAuditEntry(request.Actor, tenant.Id, AuditActions.RepositoryTracked, new AuditTarget("repository", created.Id.ToString(CultureInfo.InvariantCulture), created.FullName),
                $"created by an import from {ImportSources.NameOf(request.Source)}{(request.HistoryOnly ? " as history only (not collected)" : "")}"),
            cancellationToken).ConfigureAwait(false);
        return created;
    }

    private static RepositoryImportReport Report(SourceRepository source, RepositoryImportOutcome outcome, StoredHistory.DayComparison? comparison, int snapshotsNew, List<ImportRejection> rejections) => new(
        source.FullName,
        source.Keys.ToList(),
        outcome,
        comparison?.New ?? 0,
        comparison?.Raised ?? 0,
        comparison?.Unchanged ?? 0,
        comparison?.Lower ?? 0,
        snapshotsNew,
        rejections);

    [LoggerMessage(EventId = 9100, Level = LogLevel.Information, Message = "Import from {Source} into {Repository}: {Outcome}, {DaysNew} days new, {DaysRaised} raised, {DaysLower} lower kept, {Rejected} rejections (dry run: {DryRun})")]
    private partial void LogRepository(string source, string repository, RepositoryImportOutcome outcome, int daysNew, int daysRaised, int daysLower, int rejected, bool dryRun);
}
