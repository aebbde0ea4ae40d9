using GhStats.Domain;
using GhStats.Notifications.Localization;
using GhStats.Notifications.Rendering;
using Microsoft.Extensions.Localization;

namespace GhStats.Notifications.Events;

/// <summary>
/// Renders <c>digest.weekly</c>: the top repositories, referrers new in a top 10, and the most viewed content, in the
/// current UI culture. The week runs Monday to Sunday (UTC), as GitHub's weekly figures do, and the summary says so.
/// </summary>
/// <param name="l">This renderer's strings.</param>
/// <param name="text">The shared phrases.</param>
internal sealed class DigestRenderer(IStringLocalizer<DigestRenderer> l, MessageText text) : INotificationRenderer
{
    public string Kind => NotificationEventKinds.Digest;

    public NotificationDocument Render(NotificationMessage message, NotificationRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var digest = EventPayloadJson.Read<DigestPayload>(message.Payload);
        var baseUrl = context.PublicBaseUrl;
        var sections = new List<NotificationSection>();
        if (digest.Repositories.Count > 0)
        {
            sections.Add(new NotificationSection(l["TopRepositories"], [.. digest.Repositories.Select(r => new NotificationLine(
                r.IsNew
                    ? l["RepositoryLineNew", r.Rank, r.Repository.FullName, Coverage(r)]
                    : l["RepositoryLine", r.Rank, r.Repository.FullName, text.Change(r.Change, r.ChangePercent, false), Coverage(r)],
                r.UniqueViews is { } unique ? text.Pair(text.Views(r.Views), text.UniqueVisitors(unique)) : text.Views(r.Views),
                AppLinks.Repository(baseUrl, r.Repository.Id)))]));
        }

        if (digest.NewReferrers.Count > 0)
        {
            sections.Add(new NotificationSection(l["NewReferrers"], [.. digest.NewReferrers.Select(r => new NotificationLine(
                l["ReferrerLine", r.Referrer, r.Repository.FullName],
                l["InFourteenDays", text.Views(r.Views)],
                AppLinks.Repository(baseUrl, r.Repository.Id)))]));
        }

        if (digest.TopContent.Count > 0)
        {
            sections.Add(new NotificationSection(l["TopContent"], [.. digest.TopContent.Select(c => new NotificationLine(
                $"{(string.IsNullOrWhiteSpace(c.Title) ? c.Path : c.Title)} ({c.Repository.FullName}: {c.Path})",
                l["InFourteenDays", text.Views(c.Views)],
                AppLinks.Repository(baseUrl, c.Repository.Id)))]));
        }

        return new NotificationDocument(
            l["Title", context.TenantName, digest.Week],
            Summary(digest),
            sections,
            AppLinks.Overview(baseUrl));
    }

    private string Summary(DigestPayload digest)
    {
        var from = Figures.Day(digest.From);
        var to = Figures.Day(digest.To);
        var repositories = text.Repositories(digest.RepositoryCount);
        if (digest.Repositories.Count == 0)
        {
            return l["NoViews", from, to, repositories] + " " + l["WeekNote"];
        }

        var change = digest.PreviousViews == 0
            ? l["NoneWeekBefore"]
            : l["ChangeOnWeekBefore", text.Change(digest.Views - digest.PreviousViews, DigestComposer.ChangePercent(digest.Views, digest.PreviousViews), false)];
        var summary = l["Summary", text.Views(digest.Views), from, to, repositories, change] + " " + l["WeekNote"];
        return digest.Repositories.Any(r => r.KnownDays < r.Days || r.PartialDays > 0)
            ? summary + " " + l["Incomplete"]
            : summary;
    }

    private string Coverage(DigestRepository repository) =>
        repository.KnownDays == repository.Days && repository.PartialDays == 0 ? string.Empty
        : repository.PartialDays > 0 ? l["CoveragePartial", Figures.Count(repository.KnownDays), Figures.Count(repository.Days), Figures.Count(repository.PartialDays)]
        : l["Coverage", Figures.Count(repository.KnownDays), Figures.Count(repository.Days)];
}
