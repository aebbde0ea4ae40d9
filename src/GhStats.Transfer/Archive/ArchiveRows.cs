using System.Text.Json;
using System.Text.Json.Serialization;
using GhStats.Domain;

namespace GhStats.Transfer.Archive;

/// <summary>
/// The rows of an archive's tables, one JSON object a line. Rows name each other by keys numbered in the archive
/// (1, 2, ... in export order), never by database ids, so an archive restores anywhere and exports again the same.
/// Store-assigned times (created, added, last collected) are not rows' fields: a restore cannot set them.
/// </summary>
internal static class ArchiveRows
{
    /// <summary>Annotations are read over this range, on export and on restore: every day a row can hold.</summary>
    public static readonly DateRange AllDays = new(new DateOnly(1970, 1, 1), new DateOnly(9999, 12, 31));

    /// <summary>camelCase, enums as camelCase names; every field required, unknown fields refused.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 8,
    };

    /// <summary>A tenant.</summary>
    internal sealed record TenantRow(int Key, string Slug, string Name);

    /// <summary>A GitHub connection without its secret: restored, it needs its token (or App key) entered again.</summary>
    internal sealed record ConnectionRow(int Key, int Tenant, string Name, GitHubConnectionKind Kind, string ApiBaseUrl, long? AppId, long? InstallationId);

    /// <summary>A repository; not tracked means history only (shown, not collected).</summary>
    internal sealed record RepositoryRow(int Key, int Tenant, string Owner, string Name, int? Connection, bool Tracked, bool Badges);

    /// <summary>An owner whose repositories the tenant tracks as a whole, with its filters.</summary>
    internal sealed record OwnerRow(int Tenant, string Owner, int? Connection, string? Include, string? Exclude, bool SkipForks, bool SkipArchived);

    /// <summary>A day of traffic that a read covered, with that coverage (days not collected are not rows).</summary>
    internal sealed record DayRow(int Repository, DateOnly Day, int Views, int UniqueViews, int Clones, int UniqueClones, DayCoverage Coverage);

    /// <summary>A referrer of a dated snapshot.</summary>
    internal sealed record ReferrerRow(int Repository, DateOnly CapturedOn, string Referrer, int Views, int UniqueViews);

    /// <summary>A popular path of a dated snapshot.</summary>
    internal sealed record PathRow(int Repository, DateOnly CapturedOn, string Path, string Title, int Views, int UniqueViews);

    /// <summary>A repository's counters as read on a day.</summary>
    internal sealed record StatsRow(int Repository, DateOnly Day, int Stars, int Forks, int Watchers, int OpenIssues, long SizeKb);

    /// <summary>GitHub's own figures of a week (per=week), the only true weekly uniques.</summary>
    internal sealed record WeekRow(int Repository, DateOnly WeekStart, int Views, int UniqueViews, int Clones, int UniqueClones);

    /// <summary>Stars at the end of a day, as the backfill from GitHub's stargazers list stored them (days between carry the count).</summary>
    internal sealed record StarDayRow(int Repository, DateOnly Day, int Stars);

    /// <summary>How far a repository's star backfill came (when it last changed is the store's, not a row's field).</summary>
    internal sealed record StarBackfillRow(int Repository, StarBackfillState State, int NextPage, int StarsRead, DateOnly? FirstStarOn, DateOnly? KnownThrough, string? LimitReason);

    /// <summary>A release by GitHub's id, as last read, with the last day a read listed it.</summary>
    internal sealed record ReleaseRow(int Repository, long Release, string Tag, string Name, DateOnly PublishedOn, bool Prerelease, DateOnly LastSeenOn);

    /// <summary>A release asset's download count as read on a day (GitHub's ids of the asset and its release).</summary>
    internal sealed record ReleaseAssetRow(int Repository, DateOnly CapturedOn, long Asset, long Release, string Name, DateOnly CreatedOn, long Downloads);

    /// <summary>A day the repository's releases were read, with how many releases the read listed.</summary>
    internal sealed record ReleaseReadRow(int Repository, DateOnly ReadOn, int Releases);

    /// <summary>A note on a day, of a repository or (no repository) of the whole tenant.</summary>
    internal sealed record AnnotationRow(int Tenant, int? Repository, DateOnly Day, string Text, string? Link, string CreatedBy);

    /// <summary>A public dashboard and the repositories on it.</summary>
    internal sealed record DashboardRow(int Tenant, string Slug, string Title, bool ShowReferrers, bool ShowPopularContent, IReadOnlyList<string> FrameOrigins, bool Published, IReadOnlyList<int> Repositories);
}
