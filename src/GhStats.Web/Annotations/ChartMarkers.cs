using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api.Contracts;

namespace GhStats.Web.Annotations;

/// <summary>
/// Gathers the markers a time chart shows, from every source, into one list by date. Owners' notes are one source;
/// a repository's releases are the other: markers of kind "release" on their publication day (title the release name,
/// or its tag when it has none; text its tag, with "(pre-release)" for one; no id, no link).
/// </summary>
internal sealed class ChartMarkers(IAnnotationStore annotations, IReleaseStore releases)
{
    public const string Note = "note";

    public const string Release = "release";

    public const string RepositoryScope = "repository";

    public const string TenantScope = "tenant";

    /// <summary>A marker's flag on a chart stays short; the full text is in the list next to the chart.</summary>
    private const int TitleLength = 60;

    /// <summary>What a repository's charts show: its notes, its tenant's notes, and (once collected) its releases.</summary>
    public async Task<IReadOnlyList<ChartMarkerResponse>> ForRepositoryAsync(TrackedRepository repository, DateRange range, CancellationToken cancellationToken)
    {
        var markers = new List<ChartMarkerResponse>();
        markers.AddRange((await annotations.ListForRepositoryAsync(repository.TenantId, repository.Id, range, cancellationToken)).Select(Of));
        markers.AddRange((await releases.ListReleasesAsync(repository.TenantId, repository.Id, range, cancellationToken)).Select(Of));
        return Ordered(markers);
    }

    /// <summary>What a tenant's charts show: its tenant-wide notes.</summary>
    public async Task<IReadOnlyList<ChartMarkerResponse>> ForTenantAsync(Tenant tenant, DateRange range, CancellationToken cancellationToken)
    {
        var markers = new List<ChartMarkerResponse>();
        markers.AddRange((await annotations.ListForTenantAsync(tenant.Id, range, cancellationToken)).Select(Of));
        return Ordered(markers);
    }

    /// <summary>A note as a marker: its title is the text's first line, cut to a flag's length.</summary>
    public static ChartMarkerResponse Of(Annotation note) =>
        new(note.Id, Note, note.Day, TitleOf(note.Text), note.Text, note.Link, note.RepositoryId is null ? TenantScope : RepositoryScope);

    /// <summary>A release as a marker on its publication day.</summary>
    public static ChartMarkerResponse Of(RepositoryRelease release)
    {
        var text = release.Prerelease ? $"{release.Tag} (pre-release)" : release.Tag;
        return new(null, Release, release.PublishedOn, TitleOf(string.IsNullOrWhiteSpace(release.Name) ? release.Tag : release.Name), text, null, RepositoryScope);
    }

    private static string TitleOf(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > TitleLength ? line[..(TitleLength - 1)].TrimEnd() + "…" : line;
    }

    /// <summary>By date; on one day releases first (they explain the day's notes), then in the order they were written.</summary>
    private static List<ChartMarkerResponse> Ordered(List<ChartMarkerResponse> markers) =>
        markers.OrderBy(m => m.Date).ThenBy(m => m.Kind == Release ? 0 : 1).ThenBy(m => m.Id ?? 0).ToList();
}
