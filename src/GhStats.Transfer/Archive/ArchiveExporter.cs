using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Transfer.Import;
using Microsoft.Extensions.Logging;
using static GhStats.Transfer.Archive.ArchiveRows;

namespace GhStats.Transfer.Archive;

/// <summary>
/// Exports a tenant, or the whole installation, as one zip archive: a JSON-lines entry per table and a manifest with
/// each table's row count and SHA-256. It reads through the store ports only, a repository and a year at a time, and
/// writes each entry as a stream, so memory stays flat whatever the history's size. Secrets never enter the archive.
/// </summary>
public sealed partial class ArchiveExporter
{
    private readonly ITenantStore tenants;
    private readonly IConnectionStore connections;
    private readonly IRepositoryStore repositories;
    private readonly ITrackedOwnerStore owners;
    private readonly ITrafficStore traffic;
    private readonly IStarHistoryStore stars;
    private readonly IReleaseStore releases;
    private readonly IAnnotationStore annotations;
    private readonly IPublicDashboardStore dashboards;
    private readonly ISchemaMigrator schema;
    private readonly TimeProvider clock;
    private readonly ILogger<ArchiveExporter> logger;

    /// <summary>Creates the exporter; <c>AddTransfer()</c> registers it.</summary>
    /// <param name="tenants">The tenant store.</param>
    /// <param name="connections">The connection store (secrets are not read into the archive).</param>
    /// <param name="repositories">The repository store.</param>
    /// <param name="owners">The store of owners tracked as a whole.</param>
    /// <param name="traffic">The traffic store.</param>
    /// <param name="stars">The star history store.</param>
    /// <param name="releases">The release store.</param>
    /// <param name="annotations">The annotation store.</param>
    /// <param name="dashboards">The public dashboard store.</param>
    /// <param name="schema">The schema migrator, for the schema version the manifest records.</param>
    /// <param name="clock">The clock that dates the archive.</param>
    /// <param name="logger">The log.</param>
    public ArchiveExporter(
        ITenantStore tenants,
        IConnectionStore connections,
        IRepositoryStore repositories,
        ITrackedOwnerStore owners,
        ITrafficStore traffic,
        IStarHistoryStore stars,
        IReleaseStore releases,
        IAnnotationStore annotations,
        IPublicDashboardStore dashboards,
        ISchemaMigrator schema,
        TimeProvider clock,
        ILogger<ArchiveExporter> logger)
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
        this.schema = schema;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>Writes a tenant's archive, or the whole installation's, to a stream (which need not be seekable).</summary>
    /// <param name="tenantSlug">The tenant, or null for every tenant (an operator's or an Admin's export).</param>
    /// <param name="output">Where the zip goes; left open.</param>
    /// <param name="cancellationToken">Stops the export; the archive is then incomplete.</param>
    /// <returns>The manifest written.</returns>
    /// <exception cref="GhStatsNotFoundException">When the tenant does not exist.</exception>
    public async Task<ArchiveManifest> ExportAsync(string? tenantSlug, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        IReadOnlyList<Tenant> chosen = tenantSlug is null
            ? await tenants.ListAsync(cancellationToken).ConfigureAwait(false)
            : [await tenants.FindBySlugAsync(tenantSlug, cancellationToken).ConfigureAwait(false) ?? throw new GhStatsNotFoundException("tenant", tenantSlug)];
        var exportedAt = clock.GetUtcNow();
        var status = await schema.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(exportedAt.UtcDateTime);

        // Keys follow a sort the restore reproduces, so an archive restored and exported again is the same archive.
        var tenantKeys = chosen.OrderBy(t => t.Slug, StringComparer.Ordinal).Select((t, i) => (Tenant: t, Key: i + 1)).ToList();
        var connectionRows = new List<ConnectionRow>();
        var connectionKeys = new Dictionary<long, int>();
        var repositoryKeys = new List<(TrackedRepository Repository, int Key, int Tenant)>();
        foreach (var (tenant, key) in tenantKeys)
        {
            foreach (var connection in (await connections.ListAsync(tenant.Id, cancellationToken).ConfigureAwait(false))
                .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Kind).ThenBy(c => c.ApiBaseUrl, StringComparer.Ordinal).ThenBy(c => c.AppId).ThenBy(c => c.InstallationId).ThenBy(c => c.Id))
            {
                connectionKeys[connection.Id] = connectionRows.Count + 1;
                connectionRows.Add(new ConnectionRow(connectionRows.Count + 1, key, connection.Name, connection.Kind, connection.ApiBaseUrl, connection.AppId, connection.InstallationId));
            }

            foreach (var repository in (await repositories.ListAsync(tenant.Id, includeRemoved: true, cancellationToken).ConfigureAwait(false))
                .OrderBy(r => r.Owner, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Id))
            {
                repositoryKeys.Add((repository, repositoryKeys.Count + 1, key));
            }
        }

        var byId = repositoryKeys.ToDictionary(r => r.Repository.Id, r => r.Key);
        var tables = new List<ArchiveTable>();
        // The zip writes into a holder drained asynchronously: the output may be a web response (no synchronous writes, no seeking).
        using var drained = new DrainedOutput(output);
        ArchiveManifest manifest;
        using (var zip = new ZipArchive(drained, ZipArchiveMode.Create, leaveOpen: true))
        {
            tables.Add(await WriteTableAsync(zip, drained, ArchiveTables.Tenants, Rows(tenantKeys.Select(t => new TenantRow(t.Key, t.Tenant.Slug, t.Tenant.Name))), exportedAt, cancellationToken).ConfigureAwait(false));
            tables.Add(await WriteTableAsync(zip, drained, ArchiveTables.Connections, Rows(connectionRows), exportedAt, cancellationToken).ConfigureAwait(false));
            tables.Add(await WriteTableAsync(
                zip,
                drained,
                ArchiveTables.Repositories,
                Rows(repositoryKeys.Select(r => new RepositoryRow(r.Key, r.Tenant, r.Repository.Owner, r.Repository.Name, r.Repository.ConnectionId is { } c && connectionKeys.TryGetValue(c, out var k) ? k : null, r.Repository.IsActive, r.Repository.BadgesEnabled))),
                exportedAt,
                cancellationToken).ConfigureAwait(false));
            tables.Add(await WriteTableAsync(zip, drained, ArchiveTables.TrackedOwners, OwnersAsync(tenantKeys, connectionKeys, cancellationToken), exportedAt, cancellationToken).ConfigureAwait(false));
            tables.Add(await WriteTableAsync(zip, drained, ArchiveTables.TrafficDays, DaysAsync(repositoryKeys, today, cancellationToken), exportedAt, cancellationToken).ConfigureAwait(false));
            tables.Add(await WriteTableAsync(zip, drained, ArchiveTables.ReferrerSnapshots, ReferrersAsync(repositoryKeys, today, cancellationToken), exportedAt, cancellationToken).ConfigureAwait(false));
            tables.Add(await WriteTableAsync(zip, drained, ArchiveTables.PathSnapshots, PathsAsync(repositoryKeys, today, cancellationToken), exportedAt, cancellationToken).ConfigureAwait(false));
            tables.Add(await WriteTableAsync(zip, drained, ArchiveTables.RepositoryStats, StatsAsync(repositoryKeys, today, cancellationToken), exportedAt, cancellationToken).ConfigureAwait(false));
            tables.Add(await WriteTableAsync(zip, drained, ArchiveTables.TrafficWeeks, WeeksAsync(repositoryKeys, today, cancellationToken), exportedAt, cancellationToken).ConfigureAwait(false));
            tables.Add(await WriteTableAsync(zip, drained, ArchiveTables.StarHistory, StarDaysAsync(repositoryKeys, today, cancellationToken), exportedAt, cancellationToken).ConfigureAwait(false));
            tables.Add(await WriteTableAsync(zip, drained, ArchiveTables.StarBackfills, BackfillsAsync(repositoryKeys, cancellationToken), exportedAt, cancellationToken).ConfigureAwait(false));
            tables.Add(await WriteTableAsync(zip, drained, ArchiveTables.Releases, ReleasesAsync(repositoryKeys, today, cancellationToken), exportedAt, cancellationToken).ConfigureAwait(false));
            tables.Add(await WriteTableAsync(zip, drained, ArchiveTables.ReleaseAssetSnapshots, AssetSnapshotsAsync(repositoryKeys, today, cancellationToken), exportedAt, cancellationToken).ConfigureAwait(false));
            tables.Add(await WriteTableAsync(zip, drained, ArchiveTables.ReleaseReads, ReleaseReadsAsync(repositoryKeys, today, cancellationToken), exportedAt, cancellationToken).ConfigureAwait(false));
            tables.Add(await WriteTableAsync(zip, drained, ArchiveTables.Annotations, AnnotationsAsync(tenantKeys, repositoryKeys, byId, cancellationToken), exportedAt, cancellationToken).ConfigureAwait(false));
            tables.Add(await WriteTableAsync(zip, drained, ArchiveTables.PublicDashboards, DashboardsAsync(tenantKeys, byId, cancellationToken), exportedAt, cancellationToken).ConfigureAwait(false));

            manifest = new ArchiveManifest(
                ArchiveManifest.FormatName,
                ArchiveManifest.CurrentFormatVersion,
                status.AppliedVersion,
                ProductVersion,
                exportedAt,
                tenantSlug is null ? "installation" : $"tenant:{tenantSlug}",
                tables);
            var entry = zip.CreateEntry(ArchiveTables.ManifestFile, CompressionLevel.Optimal);
            entry.LastWriteTime = exportedAt;
            using (var stream = entry.Open())
            {
                JsonSerializer.Serialize(stream, manifest, ManifestJson);
            }

        }

        // The zip's directory, written as the zip closed.
        await drained.DrainAsync(cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        var days = tables.Single(t => t.Name == ArchiveTables.TrafficDays).Rows;
        LogExported(manifest.Scope, tenantKeys.Count, repositoryKeys.Count, days);
        return manifest;
    }

    /// <summary>The product version the manifest records: the Transfer package's informational version.</summary>
    internal static string ProductVersion { get; } =
        typeof(ArchiveExporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ArchiveExporter).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Packed bytes held before they go to the output.</summary>
    private const int DrainBytes = 64 * 1024;

    private static readonly JsonSerializerOptions ManifestJson = new(ArchiveRows.Json) { WriteIndented = true };

    private static async Task<ArchiveTable> WriteTableAsync<T>(ZipArchive zip, DrainedOutput drained, string table, IAsyncEnumerable<T> rows, DateTimeOffset exportedAt, CancellationToken cancellationToken)
    {
        var file = ArchiveTables.FileOf(table);
        var entry = zip.CreateEntry(file, CompressionLevel.Optimal);
        entry.LastWriteTime = exportedAt;
        long count = 0;
        string sha;
        var metered = new MeteredStream(entry.Open());
        using (var buffered = new BufferedStream(metered, 64 * 1024))
        {
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                JsonSerializer.Serialize(buffered, row, ArchiveRows.Json);
                buffered.WriteByte((byte)'\n');
                count++;
                if (drained.Held >= DrainBytes)
                {
                    await drained.DrainAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            buffered.Flush();

            // Read before the entry closes: disposing the buffer disposes the meter and the entry with it.
            sha = metered.Sha256();
        }

        await drained.DrainAsync(cancellationToken).ConfigureAwait(false);
        return new ArchiveTable(table, file, count, sha);
    }

    private async IAsyncEnumerable<OwnerRow> OwnersAsync(List<(Tenant Tenant, int Key)> tenantKeys, Dictionary<long, int> connectionKeys, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (tenant, key) in tenantKeys)
        {
            foreach (var owner in (await owners.ListAsync(tenant.Id, cancellationToken).ConfigureAwait(false)).OrderBy(o => o.Owner, StringComparer.OrdinalIgnoreCase))
            {
                yield return new OwnerRow(
                    key, owner.Owner, owner.ConnectionId is { } c && connectionKeys.TryGetValue(c, out var k) ? k : null, owner.Include, owner.Exclude, owner.SkipForks, owner.SkipArchived);
            }
        }
    }

    /// <summary>Each repository's covered days, a year at a time (days not collected are not rows).</summary>
    private async IAsyncEnumerable<DayRow> DaysAsync(List<(TrackedRepository Repository, int Key, int Tenant)> keyed, DateOnly today, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (repository, key, _) in keyed)
        {
            // One monthly read says which years hold any day, so a repository's empty years cost no query.
            var months = await traffic.GetTrafficSeriesAsync(repository.TenantId, repository.Id, new DateRange(SourceRows.EarliestDay, today), TrafficPeriod.Month, cancellationToken).ConfigureAwait(false);
            var known = months.Points.Where(p => p.KnownDays > 0).Select(p => p.Date.Year).ToHashSet();
            foreach (var year in Years(today).Where(y => known.Contains(y.From.Year)))
            {
                var series = await traffic.GetTrafficSeriesAsync(repository.TenantId, repository.Id, year, TrafficPeriod.Day, cancellationToken).ConfigureAwait(false);
                foreach (var point in series.Points.Where(p => p.Coverage != DayCoverage.NotCollected).OrderBy(p => p.Date))
                {
                    yield return new DayRow(key, point.Date, checked((int)point.Views), checked((int)(point.UniqueViews ?? 0)), checked((int)point.Clones), checked((int)(point.UniqueClones ?? 0)), point.Coverage);
                }
            }
        }
    }

    private async IAsyncEnumerable<ReferrerRow> ReferrersAsync(List<(TrackedRepository Repository, int Key, int Tenant)> keyed, DateOnly today, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (repository, key, _) in keyed)
        {
            foreach (var year in Years(today))
            {
                var rows = await traffic.GetReferrerHistoryAsync(repository.TenantId, repository.Id, year, cancellationToken).ConfigureAwait(false);
                foreach (var row in rows.OrderBy(r => r.CapturedOn).ThenBy(r => r.Referrer, StringComparer.Ordinal))
                {
                    yield return new ReferrerRow(key, row.CapturedOn, row.Referrer, row.Views, row.UniqueViews);
                }
            }
        }
    }

    private async IAsyncEnumerable<PathRow> PathsAsync(List<(TrackedRepository Repository, int Key, int Tenant)> keyed, DateOnly today, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (repository, key, _) in keyed)
        {
            foreach (var year in Years(today))
            {
                var rows = await traffic.GetPathHistoryAsync(repository.TenantId, repository.Id, year, cancellationToken).ConfigureAwait(false);
                foreach (var row in rows.OrderBy(r => r.CapturedOn).ThenBy(r => r.Path, StringComparer.Ordinal))
                {
                    yield return new PathRow(key, row.CapturedOn, row.Path, row.Title, row.Views, row.UniqueViews);
                }
            }
        }
    }

    private async IAsyncEnumerable<StatsRow> StatsAsync(List<(TrackedRepository Repository, int Key, int Tenant)> keyed, DateOnly today, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (repository, key, _) in keyed)
        {
            foreach (var year in Years(today))
            {
                var rows = await traffic.GetRepositoryStatsAsync(repository.TenantId, repository.Id, year, cancellationToken).ConfigureAwait(false);
                foreach (var row in rows.OrderBy(r => r.Day))
                {
                    yield return new StatsRow(key, row.Day, row.Stars, row.Forks, row.Watchers, row.OpenIssues, row.SizeKb);
                }
            }
        }
    }

    private async IAsyncEnumerable<AnnotationRow> AnnotationsAsync(
        List<(Tenant Tenant, int Key)> tenantKeys, List<(TrackedRepository Repository, int Key, int Tenant)> keyed, Dictionary<long, int> byId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (tenant, key) in tenantKeys)
        {
            var rows = new List<AnnotationRow>();
            rows.AddRange((await annotations.ListForTenantAsync(tenant.Id, AllDays, cancellationToken).ConfigureAwait(false))
                .Select(a => new AnnotationRow(key, null, a.Day, a.Text, a.Link, a.CreatedBy)));
            foreach (var (repository, repositoryKey, _) in keyed.Where(r => r.Tenant == key))
            {
                rows.AddRange((await annotations.ListForRepositoryAsync(tenant.Id, repository.Id, AllDays, cancellationToken).ConfigureAwait(false))
                    .Where(a => a.RepositoryId == repository.Id)
                    .Select(a => new AnnotationRow(key, byId[repository.Id], a.Day, a.Text, a.Link, a.CreatedBy)));
            }

            foreach (var row in rows.OrderBy(r => r.Repository ?? 0).ThenBy(r => r.Day).ThenBy(r => r.Text, StringComparer.Ordinal).ThenBy(r => r.Link, StringComparer.Ordinal).ThenBy(r => r.CreatedBy, StringComparer.Ordinal))
            {
                yield return row;
            }
        }
    }

    private async IAsyncEnumerable<DashboardRow> DashboardsAsync(List<(Tenant Tenant, int Key)> tenantKeys, Dictionary<long, int> byId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (tenant, key) in tenantKeys)
        {
            foreach (var dashboard in (await dashboards.ListAsync(tenant.Id, cancellationToken).ConfigureAwait(false)).OrderBy(d => d.Slug, StringComparer.Ordinal))
            {
                yield return new DashboardRow(
                    key,
                    dashboard.Slug,
                    dashboard.Title,
                    dashboard.ShowReferrers,
                    dashboard.ShowPopularContent,
                    dashboard.FrameOrigins.Order(StringComparer.Ordinal).ToList(),
                    dashboard.Published,
                    dashboard.RepositoryIds.Where(byId.ContainsKey).Select(id => byId[id]).Order().ToList());
            }
        }
    }

    /// <summary>From GitHub's first traffic to today in one range: what the year-at-a-time reads cover together.</summary>
    private static DateRange Span(DateOnly today) => new(new DateOnly(SourceRows.EarliestDay.Year, 1, 1), today);

    /// <summary>From GitHub's first traffic to today, a year at a time: what one read of a repository holds.</summary>
    private static IEnumerable<DateRange> Years(DateOnly today)
    {
        for (var year = SourceRows.EarliestDay.Year; year <= today.Year; year++)
        {
            var last = new DateOnly(year, 12, 31);
            yield return new DateRange(new DateOnly(year, 1, 1), last < today ? last : today);
        }
    }

#pragma warning disable CS1998 // An in-memory list served as the async rows the writer takes.
    private static async IAsyncEnumerable<T> Rows<T>(IEnumerable<T> rows)
#pragma warning restore CS1998
    {
        foreach (var row in rows)
        {
            yield return row;
        }
    }

    [LoggerMessage(EventId = 9110, Level = LogLevel.Information, Message = "Exported {Scope}: {Tenants} tenants, {Repositories} repositories, {Days} traffic days")]
    private partial void LogExported(string scope, int tenants, int repositories, long days);
}
