using System.Globalization;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Transfer.Import;
using Microsoft.Extensions.Logging;
using static GhStats.Transfer.Archive.ArchiveRows;

namespace GhStats.Transfer.Archive;

/// <summary>
/// Restores an archive into this installation, empty or not, on any provider, through the store ports and by the rules an
/// import follows: each day keeps the maximum of each field and the better coverage, a capture day already stored keeps
/// its snapshot, so restoring twice (or over what is already there) changes nothing. The whole archive is read and
/// checked first (entries, sizes, encoding, every row, counts and checksums): a broken or hostile archive is refused
/// before anything is written. A dry run reports the same numbers and writes nothing.
/// </summary>
public sealed partial class ArchiveRestorer
{
    /// <summary>
    /// What a restored connection holds in place of its secret: no key decrypts it, so the collector refuses the
    /// connection with "enter the token or key again" until an Owner does.
    /// </summary>
    private const string CheckingPhase = "checking the archive";
    private const string RestoringPhase = "restoring rows";
    private const string ComparingPhase = "comparing rows";

    internal const string NeedsTokenSecret = "ghstats-restored:needs-token";

    /// <summary>Rows written per store call: one repository's days or snapshots, a batch at a time.</summary>
    private const int BatchRows = 2000;

    private readonly ITenantStore tenants;
    private readonly IConnectionStore connections;
    private readonly IRepositoryStore repositories;
    private readonly ITrackedOwnerStore owners;
    private readonly ITrafficStore traffic;
    private readonly IStarHistoryStore stars;
    private readonly IReleaseStore releases;
    private readonly IAnnotationStore annotations;
    private readonly IPublicDashboardStore dashboards;
    private readonly IAuditStore audit;
    private readonly TimeProvider clock;
    private readonly ILogger<ArchiveRestorer> logger;
    private readonly StoredHistory stored;

    /// <summary>Creates the restorer; <c>AddTransfer()</c> registers it.</summary>
    /// <param name="tenants">The tenant store.</param>
    /// <param name="connections">The connection store.</param>
    /// <param name="repositories">The repository store.</param>
    /// <param name="owners">The store of owners tracked as a whole.</param>
    /// <param name="traffic">The traffic store.</param>
    /// <param name="stars">The star history store.</param>
    /// <param name="releases">The release store.</param>
    /// <param name="annotations">The annotation store.</param>
    /// <param name="dashboards">The public dashboard store.</param>
    /// <param name="audit">The audit log.</param>
    /// <param name="clock">The clock that says what "today" is.</param>
    /// <param name="logger">The log.</param>
    public ArchiveRestorer(
        ITenantStore tenants,
        IConnectionStore connections,
        IRepositoryStore repositories,
        ITrackedOwnerStore owners,
        ITrafficStore traffic,
        IStarHistoryStore stars,
        IReleaseStore releases,
        IAnnotationStore annotations,
        IPublicDashboardStore dashboards,
        IAuditStore audit,
        TimeProvider clock,
        ILogger<ArchiveRestorer> logger)
    {
        this.tenants = tenants;
        this.connections = connections;
        this.repositories = repositories;
        this.owners = owners;
        this.traffic = traffic;
        this.stars = stars;
        this.releases = releases;
        this.annotations = annotations;
        this.dashboards = dashboards;
        this.audit = audit;
        this.clock = clock;
        this.logger = logger;
        stored = new StoredHistory(traffic);
    }

    /// <summary>How large an archive may unpack; tests set smaller limits.</summary>
    internal ArchiveLimits Limits { get; set; } = ArchiveLimits.Default;

    /// <summary>Restores (or, as a dry run, reports) an archive.</summary>
    /// <param name="request">What to restore.</param>
    /// <param name="cancellationToken">Stops between batches; each batch is written whole or not at all.</param>
    /// <returns>Per tenant and repository, what was (or would be) done.</returns>
    /// <exception cref="ArchiveFormatException">When the archive is not one this version can restore as it is; nothing is written then.</exception>
    /// <exception cref="FileNotFoundException">When the file is missing.</exception>
    /// <exception cref="GhStatsConflictException">
    /// When a store refuses a row the checks let through (a tenant created meanwhile, say): what was restored before stays,
    /// and restoring again completes the restore, since it never lowers or doubles anything.
    /// </exception>
    public async Task<RestoreReport> RestoreAsync(RestoreRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        using var file = new FileStream(request.Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);

        // First pass: every entry read to its end and every row checked, before the first write.
        using (var check = ArchiveReader.Open(file, Limits))
        {
            request.Progress?.Report(new TransferJobProgress(CheckingPhase, 0, check.Manifest.Tables.Sum(t => t.Rows)));
            ArchiveValidation.Validate(check, today, cancellationToken);
        }

        file.Position = 0;
        using var reader = ArchiveReader.Open(file, Limits);
        var run = new Run(request, reader.Manifest.Tables.Sum(t => t.Rows));
        await RestoreTenantsAsync(reader, run, cancellationToken).ConfigureAwait(false);
        run.Advance(reader, ArchiveTables.Tenants);
        await RestoreConnectionsAsync(reader, run, cancellationToken).ConfigureAwait(false);
        run.Advance(reader, ArchiveTables.Connections);
        await RestoreRepositoriesAsync(reader, run, cancellationToken).ConfigureAwait(false);
        await RestoreOwnersAsync(reader, run, cancellationToken).ConfigureAwait(false);
        run.Advance(reader, ArchiveTables.TrackedOwners);
        await RestoreDaysAsync(reader, run, cancellationToken).ConfigureAwait(false);
        await RestoreSnapshotsAsync(reader, run, paths: false, cancellationToken).ConfigureAwait(false);
        await RestoreSnapshotsAsync(reader, run, paths: true, cancellationToken).ConfigureAwait(false);
        await RestoreStatsAsync(reader, run, cancellationToken).ConfigureAwait(false);
        await RestoreHistoryAsync(reader, run, cancellationToken).ConfigureAwait(false);
        await RestoreAnnotationsAsync(reader, run, cancellationToken).ConfigureAwait(false);
        run.Advance(reader, ArchiveTables.Annotations);
        await RestoreDashboardsAsync(reader, run, cancellationToken).ConfigureAwait(false);
        run.Advance(reader, ArchiveTables.PublicDashboards);

        foreach (var repository in run.Repositories.Values.Where(r => r.Wrote))
        {
            await AuditAsync(run, repository.Tenant, AuditActions.TrafficImported, "repository", repository.Id, repository.FullName,
                string.Create(CultureInfo.InvariantCulture, $"restored from an archive: {repository.DaysNew} days new, {repository.DaysRaised} raised, {repository.DaysLower} lower kept, {repository.SnapshotsNew} snapshot rows"),
                cancellationToken).ConfigureAwait(false);
        }

        var connectionsNew = run.Tenants.Values.Sum(t => t.ConnectionsNew);
        if (connectionsNew > 0)
        {
            run.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{connectionsNew} GitHub connections {(run.DryRun ? "would come" : "came")} back without their secrets (an archive never holds them): an Owner enters each one's token or App key again; collection refuses them until then."));
        }

        var report = new RestoreReport(
            run.DryRun,
            reader.Manifest,
            run.Tenants.Values.Select(t => new TenantRestoreReport(
                t.Slug,
                t.Created,
                t.ConnectionsNew,
                t.OwnersNew,
                t.Repositories.Select(r => new RepositoryImportReport(
                    r.FullName, [r.Key.ToString(CultureInfo.InvariantCulture)], r.Outcome, r.DaysNew, r.DaysRaised, r.DaysUnchanged, r.DaysLower, r.SnapshotsNew, [])).ToList(),
                t.StatsDaysWritten,
                t.AnnotationsNew,
                t.DashboardsNew)
            {
                WeeksWritten = t.History.WeeksWritten,
                StarDaysWritten = t.History.StarDaysWritten,
                StarBackfillsNew = t.History.StarBackfillsNew,
                ReleasesWritten = t.History.ReleasesWritten,
                AssetSnapshotsWritten = t.History.AssetSnapshotsWritten,
                ReleaseReadDaysWritten = t.History.ReleaseReadDaysWritten,
            }).ToList(),
            run.Notes);
        var repositoryCount = run.Repositories.Count;
        LogRestored(reader.Manifest.Scope, report.Tenants.Count, repositoryCount, run.DryRun);
        return report;
    }

    private async Task RestoreTenantsAsync(ArchiveReader reader, Run run, CancellationToken cancellationToken)
    {
        foreach (var (row, _) in reader.Read<TenantRow>(ArchiveTables.Tenants, cancellationToken))
        {
            var existing = await tenants.FindBySlugAsync(row.Slug, cancellationToken).ConfigureAwait(false);
            var state = new TenantState(row.Slug) { Id = existing?.Id, Created = existing is null };
            if (existing is null && !run.DryRun)
            {
                state.Id = (await tenants.CreateAsync(row.Slug, row.Name, cancellationToken).ConfigureAwait(false)).Id;
                await AuditAsync(run, state, AuditActions.TenantCreated, "tenant", state.Id, row.Slug, "restored from an archive", cancellationToken).ConfigureAwait(false);
            }

            run.Tenants[row.Key] = state;
        }
    }

    private async Task RestoreConnectionsAsync(ArchiveReader reader, Run run, CancellationToken cancellationToken)
    {
        var existingByTenant = new Dictionary<int, IReadOnlyList<GitHubConnection>>();
        foreach (var (row, _) in reader.Read<ConnectionRow>(ArchiveTables.Connections, cancellationToken))
        {
            var tenant = run.Tenants[row.Tenant];
            if (!existingByTenant.TryGetValue(row.Tenant, out var existing))
            {
                existing = tenant.Id is { } tenantId && !tenant.Created ? await connections.ListAsync(tenantId, cancellationToken).ConfigureAwait(false) : [];
                existingByTenant[row.Tenant] = existing;
            }

            // The same connection (name, kind, address, App ids) is kept with its own secret.
            var same = existing.FirstOrDefault(c => c.Name == row.Name && c.Kind == row.Kind && c.ApiBaseUrl == row.ApiBaseUrl && c.AppId == row.AppId && c.InstallationId == row.InstallationId);
            if (same is not null)
            {
                run.Connections[row.Key] = same.Id;
                continue;
            }

            tenant.ConnectionsNew++;
            if (!run.DryRun)
            {
                var added = await connections.AddAsync(new NewGitHubConnection(tenant.Id!.Value, row.Name, row.Kind, row.ApiBaseUrl, NeedsTokenSecret, row.AppId, row.InstallationId), cancellationToken).ConfigureAwait(false);
                run.Connections[row.Key] = added.Id;
                await AuditAsync(run, tenant, AuditActions.ConnectionCreated, "connection", added.Id, added.Name, "restored from an archive without its secret: needs its token or key", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RestoreRepositoriesAsync(ArchiveReader reader, Run run, CancellationToken cancellationToken)
    {
        foreach (var (row, _) in reader.Read<RepositoryRow>(ArchiveTables.Repositories, cancellationToken))
        {
            var tenant = run.Tenants[row.Tenant];
            var existing = tenant.Id is { } tenantId && !tenant.Created
                ? await repositories.FindByNameAsync(tenantId, row.Owner, row.Name, cancellationToken).ConfigureAwait(false)
                : null;
            var state = new RepositoryState(row.Key, tenant, existing?.FullName ?? $"{row.Owner}/{row.Name}")
            {
                Id = existing?.Id,
                Outcome = existing is not null ? RepositoryImportOutcome.Existing : row.Tracked ? RepositoryImportOutcome.CreatedTracked : RepositoryImportOutcome.CreatedHistoryOnly,
                Tracked = existing?.IsActive ?? row.Tracked,
            };
            if (existing is null && !run.DryRun)
            {
                long? connectionId = row.Connection is { } key && run.Connections.TryGetValue(key, out var id) ? id : null;
                var created = await repositories.AddAsync(tenant.Id!.Value, row.Owner, row.Name, connectionId, cancellationToken).ConfigureAwait(false);
                state.Id = created.Id;
                if (row.Badges)
                {
                    await repositories.SetBadgesAsync(tenant.Id.Value, created.Id, enabled: true, cancellationToken).ConfigureAwait(false);
                }

                if (!row.Tracked)
                {
                    // History only: tracking stopped with the data kept, as an import's --history-only does.
                    await repositories.RemoveAsync(tenant.Id.Value, created.Id, purge: false, cancellationToken).ConfigureAwait(false);
                }

                await AuditAsync(run, tenant, AuditActions.RepositoryTracked, "repository", created.Id, created.FullName,
                    row.Tracked ? "restored from an archive" : "restored from an archive as history only (not collected)", cancellationToken).ConfigureAwait(false);
            }

            run.Repositories[row.Key] = state;
            tenant.Repositories.Add(state);
            run.Advance(1);
        }
    }

    /// <summary>An owner the tenant already tracks as a whole keeps its own filters.</summary>
    private async Task RestoreOwnersAsync(ArchiveReader reader, Run run, CancellationToken cancellationToken)
    {
        var known = new Dictionary<int, HashSet<string>>();
        foreach (var (row, _) in reader.Read<OwnerRow>(ArchiveTables.TrackedOwners, cancellationToken))
        {
            var tenant = run.Tenants[row.Tenant];
            if (!known.TryGetValue(row.Tenant, out var tracked))
            {
                tracked = tenant.Id is { } tenantId && !tenant.Created
                    ? (await owners.ListAsync(tenantId, cancellationToken).ConfigureAwait(false)).Select(o => o.Owner).ToHashSet(StringComparer.OrdinalIgnoreCase)
                    : new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                known[row.Tenant] = tracked;
            }

            if (!tracked.Add(row.Owner))
            {
                continue;
            }

            tenant.OwnersNew++;
            if (!run.DryRun)
            {
                long? connectionId = row.Connection is { } key && run.Connections.TryGetValue(key, out var id) ? id : null;
                var added = await owners.AddAsync(new NewTrackedOwner(tenant.Id!.Value, row.Owner, connectionId, row.Include, row.Exclude, row.SkipForks, row.SkipArchived), cancellationToken).ConfigureAwait(false);
                await AuditAsync(run, tenant, AuditActions.OwnerTracked, "owner", added.Id, added.Owner, "restored from an archive", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Task RestoreDaysAsync(ArchiveReader reader, Run run, CancellationToken cancellationToken) =>
        RestoreBatchesAsync(reader.Read<DayRow>(ArchiveTables.TrafficDays, cancellationToken), r => r.Repository, r => r.Day, run, WriteDaysAsync, cancellationToken);

    private async Task WriteDaysAsync(Run run, RepositoryState repository, List<DayRow> rows, DateRange range, CancellationToken cancellationToken)
    {
        var batch = rows.ConvertAll(row => new SourceDay(row.Day, row.Views, row.UniqueViews, row.Clones, row.UniqueClones, row.Coverage));
        var comparison = await stored.CompareDaysAsync(repository.Tenant.Id ?? 0, repository.Id, batch, cancellationToken).ConfigureAwait(false);
        repository.DaysNew += comparison.New;
        repository.DaysRaised += comparison.Raised;
        repository.DaysUnchanged += comparison.Unchanged;
        repository.DaysLower += comparison.Lower;
        if (!run.DryRun && comparison.ToWrite.Count > 0)
        {
            var id = repository.Id!.Value;
            await traffic.MergeImportedHistoryAsync(
                new ImportedHistory(id, comparison.ToWrite.ConvertAll(d => new CoveredTrafficDay(new TrafficDay(id, d.Day, d.Views, d.UniqueViews, d.Clones, d.UniqueClones), d.Coverage)), [], []),
                cancellationToken).ConfigureAwait(false);
            repository.Wrote = true;
        }
    }

    private Task RestoreSnapshotsAsync(ArchiveReader reader, Run run, bool paths, CancellationToken cancellationToken)
    {
        var rows = paths
            ? reader.Read<PathRow>(ArchiveTables.PathSnapshots, cancellationToken).Select(r => ((r.Row.Repository, Snapshot: new SourceSnapshot(r.Row.CapturedOn, r.Row.Path, r.Row.Title, r.Row.Views, r.Row.UniqueViews)), r.Line))
            : reader.Read<ReferrerRow>(ArchiveTables.ReferrerSnapshots, cancellationToken).Select(r => ((r.Row.Repository, Snapshot: new SourceSnapshot(r.Row.CapturedOn, r.Row.Referrer, "", r.Row.Views, r.Row.UniqueViews)), r.Line));

        // A capture day is never split between two batches: the second would find the first's rows and keep them.
        return RestoreBatchesAsync(
            rows,
            r => r.Repository,
            r => r.Snapshot.CapturedOn,
            run,
            (state, repository, batch, _, token) => WriteSnapshotsAsync(state, repository, batch.ConvertAll(r => r.Snapshot), paths, token),
            cancellationToken,
            together: (last, next) => last.Snapshot.CapturedOn == next.Snapshot.CapturedOn);
    }

    private async Task WriteSnapshotsAsync(Run run, RepositoryState repository, List<SourceSnapshot> batch, bool paths, CancellationToken cancellationToken)
    {
        var fresh = await stored.NewSnapshotsAsync(repository.Tenant.Id ?? 0, repository.Id, batch, paths, cancellationToken).ConfigureAwait(false);
        repository.SnapshotsNew += fresh.Count;
        if (!run.DryRun && fresh.Count > 0)
        {
            var id = repository.Id!.Value;
            await traffic.MergeImportedHistoryAsync(
                new ImportedHistory(
                    id,
                    [],
                    paths ? [] : fresh.ConvertAll(s => new ReferrerSnapshot(id, s.CapturedOn, s.Key, s.Views, s.UniqueViews)),
                    paths ? fresh.ConvertAll(s => new PathSnapshot(id, s.CapturedOn, s.Key, s.Title, s.Views, s.UniqueViews)) : []),
                cancellationToken).ConfigureAwait(false);
            repository.Wrote = true;
        }
    }

    private Task RestoreStatsAsync(ArchiveReader reader, Run run, CancellationToken cancellationToken) =>
        RestoreBatchesAsync(reader.Read<StatsRow>(ArchiveTables.RepositoryStats, cancellationToken), r => r.Repository, r => r.Day, run, WriteStatsAsync, cancellationToken);

    /// <summary>Counters merge by the maximum of each field too: a day already stored is raised, never lowered.</summary>
    private async Task WriteStatsAsync(Run run, RepositoryState repository, List<StatsRow> batch, DateRange range, CancellationToken cancellationToken)
    {
        var have = repository.Id is { } existingId
            ? (await traffic.GetRepositoryStatsAsync(repository.Tenant.Id!.Value, existingId, range, cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Day)
            : [];
        var id = repository.Id ?? 0;
        var write = new List<RepositoryDailyStats>();
        foreach (var row in batch)
        {
            var incoming = new RepositoryDailyStats(id, row.Day, row.Stars, row.Forks, row.Watchers, row.OpenIssues, row.SizeKb);
            if (!have.TryGetValue(row.Day, out var kept))
            {
                write.Add(incoming);
                continue;
            }

            var merged = new RepositoryDailyStats(
                id, row.Day, Math.Max(row.Stars, kept.Stars), Math.Max(row.Forks, kept.Forks), Math.Max(row.Watchers, kept.Watchers), Math.Max(row.OpenIssues, kept.OpenIssues), Math.Max(row.SizeKb, kept.SizeKb));
            if (merged != kept)
            {
                write.Add(merged);
            }
        }

        repository.Tenant.StatsDaysWritten += write.Count;
        if (!run.DryRun && write.Count > 0)
        {
            await traffic.MergeRepositoryStatsAsync(write, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RestoreAnnotationsAsync(ArchiveReader reader, Run run, CancellationToken cancellationToken)
    {
        var known = new Dictionary<int, HashSet<string>>();
        foreach (var (row, _) in reader.Read<AnnotationRow>(ArchiveTables.Annotations, cancellationToken))
        {
            var tenant = run.Tenants[row.Tenant];
            if (!known.TryGetValue(row.Tenant, out var notes))
            {
                notes = await KnownAnnotationsAsync(tenant, cancellationToken).ConfigureAwait(false);
                known[row.Tenant] = notes;
            }

            var repository = row.Repository is { } key ? run.Repositories[key] : null;
            if (!notes.Add(AnnotationIdentity(repository?.FullName, row.Day, row.Text, row.Link)))
            {
                continue;
            }

            tenant.AnnotationsNew++;
            if (!run.DryRun)
            {
                var added = await annotations.AddAsync(new NewAnnotation(tenant.Id!.Value, repository?.Id, row.Day, row.Text, row.Link, row.CreatedBy), cancellationToken).ConfigureAwait(false);
                await AuditAsync(run, tenant, AuditActions.AnnotationCreated, "annotation", added.Id, $"{row.Day:yyyy-MM-dd}", "restored from an archive", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The notes a tenant already has, by repository, day, text and link: the same note is not added twice.</summary>
    private async Task<HashSet<string>> KnownAnnotationsAsync(TenantState tenant, CancellationToken cancellationToken)
    {
        var notes = new HashSet<string>(StringComparer.Ordinal);
        if (tenant.Id is not { } tenantId || tenant.Created)
        {
            return notes;
        }

        foreach (var note in await annotations.ListForTenantAsync(tenantId, AllDays, cancellationToken).ConfigureAwait(false))
        {
            notes.Add(AnnotationIdentity(null, note.Day, note.Text, note.Link));
        }

        foreach (var repository in tenant.Repositories.Where(r => r.Id is not null))
        {
            foreach (var note in (await annotations.ListForRepositoryAsync(tenantId, repository.Id!.Value, AllDays, cancellationToken).ConfigureAwait(false)).Where(a => a.RepositoryId == repository.Id))
            {
                notes.Add(AnnotationIdentity(repository.FullName, note.Day, note.Text, note.Link));
            }
        }

        return notes;
    }

    private static string AnnotationIdentity(string? repository, DateOnly day, string text, string? link) =>
        string.Join('\u001f', repository?.ToUpperInvariant() ?? "", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), text, link ?? "");

    private async Task RestoreDashboardsAsync(ArchiveReader reader, Run run, CancellationToken cancellationToken)
    {
        var known = new Dictionary<int, HashSet<string>>();
        foreach (var (row, _) in reader.Read<DashboardRow>(ArchiveTables.PublicDashboards, cancellationToken))
        {
            var tenant = run.Tenants[row.Tenant];
            if (!known.TryGetValue(row.Tenant, out var slugs))
            {
                slugs = tenant.Id is { } tenantId && !tenant.Created
                    ? (await dashboards.ListAsync(tenantId, cancellationToken).ConfigureAwait(false)).Select(d => d.Slug).ToHashSet(StringComparer.Ordinal)
                    : [];
                known[row.Tenant] = slugs;
            }

            if (!slugs.Add(row.Slug))
            {
                continue;
            }

            tenant.DashboardsNew++;
            if (run.DryRun)
            {
                continue;
            }

            var onPage = row.Repositories.Select(key => run.Repositories[key]).Where(r => r.Tracked && r.Id is not null).Select(r => r.Id!.Value).ToList();
            try
            {
                var added = await dashboards.CreateAsync(
                    tenant.Id!.Value, row.Slug, new PublicDashboardSettings(row.Title, onPage, row.ShowReferrers, row.ShowPopularContent, row.FrameOrigins, row.Published), cancellationToken).ConfigureAwait(false);
                await AuditAsync(run, tenant, AuditActions.DashboardCreated, "dashboard", added.Id, added.Title, "restored from an archive", cancellationToken).ConfigureAwait(false);
            }
            catch (GhStatsConflictException)
            {
                // Dashboard addresses are unique in the installation and never reused: another tenant's page keeps it.
                tenant.DashboardsNew--;
                run.Notes.Add($"The public dashboard '{row.Slug}' of {tenant.Slug} was not restored: its address is taken (or was used before) in this installation. Make it again from the tenant's dashboards page.");
            }
        }
    }

    private async Task AuditAsync(Run run, TenantState tenant, string action, string kind, long? id, string name, string details, CancellationToken cancellationToken) =>
        await audit.AppendAsync(
            new NewAuditEntry(run.Actor, tenant.Id, action, new AuditTarget(kind, id?.ToString(CultureInfo.InvariantCulture), name), details),
            cancellationToken).ConfigureAwait(false);

    [LoggerMessage(EventId = 9111, Level = LogLevel.Information, Message = "Restored {Scope}: {Tenants} tenants, {Repositories} repositories (dry run: {DryRun})")]
    private partial void LogRestored(string scope, int tenants, int repositories, bool dryRun);

    private sealed class Run(RestoreRequest request, long rows)
    {
        private long done;

        public bool DryRun { get; } = request.DryRun;

        public AuditActor Actor { get; } = request.Actor;

        public SortedDictionary<int, TenantState> Tenants { get; } = [];

        public Dictionary<int, long> Connections { get; } = [];

        public Dictionary<int, RepositoryState> Repositories { get; } = [];

        public List<string> Notes { get; } = [];

        /// <summary>Counts rows restored (or compared) and tells the caller's progress.</summary>
        public void Advance(long restored)
        {
            done += restored;
            request.Progress?.Report(new TransferJobProgress(DryRun ? ComparingPhase : RestoringPhase, done, rows));
        }

        /// <summary>Counts a table restored as a whole.</summary>
        public void Advance(ArchiveReader reader, string table) => Advance(reader.Manifest.Tables.FirstOrDefault(t => t.Name == table)?.Rows ?? 0);
    }

    private sealed class TenantState(string slug)
    {
        public string Slug { get; } = slug;

        public long? Id { get; set; }

        public bool Created { get; init; }

        public int ConnectionsNew { get; set; }

        public int OwnersNew { get; set; }

        public int StatsDaysWritten { get; set; }

        public int AnnotationsNew { get; set; }

        public int DashboardsNew { get; set; }

        public HistoryCounts History { get; } = new();

        public List<RepositoryState> Repositories { get; } = [];
    }

    private sealed class RepositoryState(int key, TenantState tenant, string fullName)
    {
        public int Key { get; } = key;

        public TenantState Tenant { get; } = tenant;

        public string FullName { get; } = fullName;

        public long? Id { get; set; }

        public RepositoryImportOutcome Outcome { get; init; }

        public bool Tracked { get; init; }

        public int DaysNew { get; set; }

        public int DaysRaised { get; set; }

        public int DaysUnchanged { get; set; }

        public int DaysLower { get; set; }

        public int SnapshotsNew { get; set; }

        public bool Wrote { get; set; }
    }
}
