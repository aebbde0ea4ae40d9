using System.Globalization;
using System.Text.RegularExpressions;
using GhStats.Domain;
using GhStats.Transfer.Import;
using static GhStats.Transfer.Archive.ArchiveRows;

namespace GhStats.Transfer.Archive;

/// <summary>
/// The restore's first pass: every row of every table read and checked (keys, references, order, limits, dates) so
/// that the second pass, which writes, never meets a row the stores would refuse half way through.
/// </summary>
internal static partial class ArchiveValidation
{
    /// <summary>Reads the whole archive and throws at the first row that is not as GhStats writes it.</summary>
    /// <param name="reader">The archive.</param>
    /// <param name="today">Today (UTC): no traffic day or snapshot lies after it.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <exception cref="ArchiveFormatException">At the first bad row, or a count or checksum that does not match.</exception>
    public static void Validate(ArchiveReader reader, DateOnly today, CancellationToken cancellationToken)
    {
        var tenants = new List<int>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, line) in reader.Read<TenantRow>(ArchiveTables.Tenants, cancellationToken))
        {
            Require(row.Key == tenants.Count + 1, ArchiveTables.Tenants, line, "keys must run 1, 2, 3 ...");
            Require(row.Slug.Length <= FieldLimits.TenantSlug && SlugPattern().IsMatch(row.Slug) && slugs.Add(row.Slug), ArchiveTables.Tenants, line, $"bad or repeated slug '{Shown(row.Slug)}'");
            Require(Text(row.Name, FieldLimits.TenantName), ArchiveTables.Tenants, line, "name empty or too long");
            tenants.Add(row.Key);
        }

        var connectionTenants = new List<int>();
        foreach (var (row, line) in reader.Read<ConnectionRow>(ArchiveTables.Connections, cancellationToken))
        {
            const string table = ArchiveTables.Connections;
            Require(row.Key == connectionTenants.Count + 1, table, line, "keys must run 1, 2, 3 ...");
            Require(row.Tenant >= 1 && row.Tenant <= tenants.Count, table, line, "unknown tenant");
            Require(Text(row.Name, FieldLimits.ConnectionName), table, line, "name empty or too long");
            Require(row.ApiBaseUrl.Length <= FieldLimits.ApiBaseUrl && IsWebAddress(row.ApiBaseUrl), table, line, "apiBaseUrl is not an absolute http or https address");
            Require(
                row.Kind == GitHubConnectionKind.App ? row.AppId > 0 && row.InstallationId > 0 : row.AppId is null && row.InstallationId is null,
                table,
                line,
                "a GitHub App needs positive appId and installationId; a token has neither");
            connectionTenants.Add(row.Tenant);
        }

        var repositoryTenants = new List<int>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, line) in reader.Read<RepositoryRow>(ArchiveTables.Repositories, cancellationToken))
        {
            const string table = ArchiveTables.Repositories;
            Require(row.Key == repositoryTenants.Count + 1, table, line, "keys must run 1, 2, 3 ...");
            Require(row.Tenant >= 1 && row.Tenant <= tenants.Count, table, line, "unknown tenant");
            Require(GitHubNames.IsValidOwner(row.Owner) && GitHubNames.IsValidRepositoryName(row.Name), table, line, $"invalid repository name '{Shown($"{row.Owner}/{row.Name}")}'");
            Require(names.Add(string.Create(CultureInfo.InvariantCulture, $"{row.Tenant}/{row.Owner}/{row.Name}")), table, line, "repository listed twice in its tenant");
            Require(row.Connection is null || (row.Connection >= 1 && row.Connection <= connectionTenants.Count && connectionTenants[row.Connection.Value - 1] == row.Tenant), table, line, "unknown connection, or one of another tenant");
            repositoryTenants.Add(row.Tenant);
        }

        var owners = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, line) in reader.Read<OwnerRow>(ArchiveTables.TrackedOwners, cancellationToken))
        {
            const string table = ArchiveTables.TrackedOwners;
            Require(row.Tenant >= 1 && row.Tenant <= tenants.Count, table, line, "unknown tenant");
            Require(GitHubNames.IsValidOwner(row.Owner), table, line, $"invalid owner name '{Shown(row.Owner)}'");
            Require(owners.Add(string.Create(CultureInfo.InvariantCulture, $"{row.Tenant}/{row.Owner}")), table, line, "owner listed twice in its tenant");
            Require(row.Connection is null || (row.Connection >= 1 && row.Connection <= connectionTenants.Count && connectionTenants[row.Connection.Value - 1] == row.Tenant), table, line, "unknown connection, or one of another tenant");
            Require(Patterns(row.Include) && Patterns(row.Exclude), table, line, "a name pattern that can match no repository, or patterns too long");
        }

        (int, DateOnly, string) last = default;
        foreach (var (row, line) in reader.Read<DayRow>(ArchiveTables.TrafficDays, cancellationToken))
        {
            const string table = ArchiveTables.TrafficDays;
            Repository(repositoryTenants, row.Repository, table, line);
            Require(row.Coverage is DayCoverage.Partial or DayCoverage.Complete, table, line, "a day's coverage is partial or complete (days not collected are not rows)");
            Require(row.Views >= 0 && row.UniqueViews >= 0 && row.Clones >= 0 && row.UniqueClones >= 0, table, line, "negative count");
            var problem = SourceRows.Problem(new SourceDay(row.Day, row.Views, row.UniqueViews, row.Clones, row.UniqueClones, row.Coverage), today);
            Require(problem is null, table, line, problem ?? "");
            last = Ordered(last, (row.Repository, row.Day, ""), table, line);
        }

        last = default;
        foreach (var (row, line) in reader.Read<ReferrerRow>(ArchiveTables.ReferrerSnapshots, cancellationToken))
        {
            Snapshot(repositoryTenants, row.Repository, row.CapturedOn, row.Referrer, FieldLimits.Referrer, "", row.Views, row.UniqueViews, today, ArchiveTables.ReferrerSnapshots, line);
            last = Ordered(last, (row.Repository, row.CapturedOn, row.Referrer), ArchiveTables.ReferrerSnapshots, line);
        }

        last = default;
        foreach (var (row, line) in reader.Read<PathRow>(ArchiveTables.PathSnapshots, cancellationToken))
        {
            Snapshot(repositoryTenants, row.Repository, row.CapturedOn, row.Path, FieldLimits.Path, row.Title, row.Views, row.UniqueViews, today, ArchiveTables.PathSnapshots, line);
            last = Ordered(last, (row.Repository, row.CapturedOn, row.Path), ArchiveTables.PathSnapshots, line);
        }

        last = default;
        foreach (var (row, line) in reader.Read<StatsRow>(ArchiveTables.RepositoryStats, cancellationToken))
        {
            const string table = ArchiveTables.RepositoryStats;
            Repository(repositoryTenants, row.Repository, table, line);
            Require(row.Stars >= 0 && row.Forks >= 0 && row.Watchers >= 0 && row.OpenIssues >= 0 && row.SizeKb >= 0, table, line, "negative count");
            Require(Day(row.Day, today), table, line, $"bad date {row.Day:yyyy-MM-dd}");
            last = Ordered(last, (row.Repository, row.Day, ""), table, line);
        }

        ValidateHistory(reader, repositoryTenants, today, cancellationToken);

        foreach (var (row, line) in reader.Read<AnnotationRow>(ArchiveTables.Annotations, cancellationToken))
        {
            const string table = ArchiveTables.Annotations;
            Require(row.Tenant >= 1 && row.Tenant <= tenants.Count, table, line, "unknown tenant");
            Require(row.Repository is null || (row.Repository >= 1 && row.Repository <= repositoryTenants.Count && repositoryTenants[row.Repository.Value - 1] == row.Tenant), table, line, "unknown repository, or one of another tenant");
            Require(Text(row.Text, FieldLimits.AnnotationText) && !string.IsNullOrWhiteSpace(row.Text), table, line, "text empty or too long");
            Require(row.Link is null || (row.Link.Length <= FieldLimits.AnnotationLink && IsWebAddress(row.Link)), table, line, "link is not an absolute http or https address");
            Require(Text(row.CreatedBy, FieldLimits.AuditActor), table, line, "createdBy empty or too long");
        }

        var dashboards = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, line) in reader.Read<DashboardRow>(ArchiveTables.PublicDashboards, cancellationToken))
        {
            const string table = ArchiveTables.PublicDashboards;
            Require(row.Tenant >= 1 && row.Tenant <= tenants.Count, table, line, "unknown tenant");
            Require(Text(row.Slug, FieldLimits.DashboardSlug) && row.Slug.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && dashboards.Add(row.Slug), table, line, "bad or repeated slug");
            Require(Text(row.Title, FieldLimits.DashboardTitle) && !string.IsNullOrWhiteSpace(row.Title), table, line, "title empty or too long");
            Require(row.FrameOrigins.All(o => o.Length > 0 && !o.Any(char.IsWhiteSpace)) && string.Join(' ', row.FrameOrigins).Length <= FieldLimits.DashboardFrameOrigins, table, line, "bad frame origins");
            Require(row.Repositories.All(key => key >= 1 && key <= repositoryTenants.Count && repositoryTenants[key - 1] == row.Tenant), table, line, "unknown repository, or one of another tenant");
        }
    }

    private static void Snapshot(List<int> repositoryTenants, int repository, DateOnly capturedOn, string key, int limit, string title, int views, int uniques, DateOnly today, string table, long line)
    {
        Repository(repositoryTenants, repository, table, line);
        Require(Text(key, limit), table, line, "key empty, too long or holding control characters");
        Require(title.Length <= FieldLimits.PathTitle && !title.Any(char.IsControl), table, line, "title too long or holding control characters");
        Require(views >= 0 && uniques >= 0 && uniques <= views, table, line, "negative count, or uniques above views");
        Require(capturedOn >= SourceRows.EarliestDay && capturedOn <= today, table, line, $"bad date {capturedOn:yyyy-MM-dd}");
    }

    private static void Repository(List<int> repositoryTenants, int repository, string table, long line) =>
        Require(repository >= 1 && repository <= repositoryTenants.Count, table, line, "unknown repository");

    private const string OutOfOrder = "rows out of order or repeated (they go by repository, then day)";

    /// <summary>Rows of a repository come together, by day (and key): the restore's batches rely on it.</summary>
    private static (int, DateOnly, string) Ordered((int, DateOnly, string) last, (int, DateOnly, string) current, string table, long line)
    {
        var order = current.Item1.CompareTo(last.Item1);
        order = order != 0 ? order : current.Item2.CompareTo(last.Item2);
        order = order != 0 ? order : string.CompareOrdinal(current.Item3, last.Item3);
        Require(order > 0, table, line, OutOfOrder);
        return current;
    }

    /// <summary>The owner store's rule: comma-separated patterns, each a repository name but for '*' and '?'.</summary>
    private static bool Patterns(string? patterns) =>
        patterns is null || (patterns.Length <= 1000 && patterns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(p => GitHubNames.IsValidRepositoryName(p.Replace('*', 'x').Replace('?', 'x'))));

    private static bool Text(string text, int limit) => text.Length > 0 && text.Length <= limit && !text.Any(char.IsControl);

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static void Require(bool condition, string table, long line, string problem)
    {
        if (!condition)
        {
            throw new ArchiveFormatException(string.Create(CultureInfo.InvariantCulture, $"{ArchiveTables.FileOf(table)}:{line}: {problem}; nothing was restored."));
        }
    }

    private static string Shown(string text) => SourceRows.Shorten(text);

    // The tenant store's own rule for slugs.
    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
