using GhStats.Domain;
using GhStats.Notifications.Rendering;

namespace GhStats.Notifications.Events;

/// <summary>Renders <c>digest.weekly</c>: the top repositories, referrers new in a top 10, and the most viewed content.</summary>
internal sealed class DigestRenderer : INotificationRenderer
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
            sections.Add(new NotificationSection("Top repositories by views", [.. digest.Repositories.Select(r => new NotificationLine(
                $"{r.Rank}. {r.Repository.FullName}: {Figures.Change(r.Change, r.ChangePercent, r.IsNew)} on the week before{Coverage(r)}",
                Figures.Count(r.Views, "view", "views") + (r.UniqueViews is { } unique ? ", " + Figures.Count(unique, "unique visitor", "unique visitors") : string.Empty),
                AppLinks.Repository(baseUrl, r.Repository.Id)))]));
        }

        if (digest.NewReferrers.Count > 0)
        {
            sections.Add(new NotificationSection("New in a top 10 of referrers", [.. digest.NewReferrers.Select(r => new NotificationLine(
                $"{r.Referrer} to {r.Repository.FullName}",
                Figures.Count(r.Views, "view", "views") + " in 14 days",
                AppLinks.Repository(baseUrl, r.Repository.Id)))]));
        }

        if (digest.TopContent.Count > 0)
        {
            sections.Add(new NotificationSection("Most viewed content", [.. digest.TopContent.Select(c => new NotificationLine(
                $"{(string.IsNullOrWhiteSpace(c.Title) ? c.Path : c.Title)} ({c.Repository.FullName}: {c.Path})",
                Figures.Count(c.Views, "view", "views") + " in 14 days",
                AppLinks.Repository(baseUrl, c.Repository.Id)))]));
        }

        return new NotificationDocument(
            $"{context.TenantName}: weekly digest {digest.Week}",
            Summary(digest),
            sections,
            AppLinks.Overview(baseUrl));
    }

    private static string Summary(DigestPayload digest)
    {
        var week = $"{Figures.Day(digest.From)} to {Figures.Day(digest.To)}";
        if (digest.Repositories.Count == 0)
        {
            return $"No views in {week} across {Figures.Count(digest.RepositoryCount, "repository", "repositories")}.";
        }

        var change = digest.PreviousViews == 0
            ? "none the week before"
            : Figures.Change(digest.Views - digest.PreviousViews, DigestComposer.ChangePercent(digest.Views, digest.PreviousViews), false) + " on the week before";
        var incomplete = digest.Repositories.Any(r => r.KnownDays < r.Days || r.PartialDays > 0)
            ? " Some days were not collected or only partly: their repositories say so."
            : string.Empty;
        return $"{Figures.Count(digest.Views, "view", "views")} in {week} across {Figures.Count(digest.RepositoryCount, "repository", "repositories")}: {change}.{incomplete}";
    }

    private static string Coverage(DigestRepository repository) =>
        repository.KnownDays == repository.Days && repository.PartialDays == 0
            ? string.Empty
            : $" ({repository.KnownDays} of {repository.Days} days known{(repository.PartialDays > 0 ? $", {repository.PartialDays} partial" : string.Empty)})";
}
