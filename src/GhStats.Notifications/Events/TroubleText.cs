using GhStats.Domain;
using GhStats.Notifications.Localization;
using Microsoft.Extensions.Localization;

namespace GhStats.Notifications.Events;

/// <summary>
/// What a trouble kind is called in a message's title, what happened, what to do about it, why it cleared (all in the
/// current UI culture), and where to look.
/// </summary>
/// <param name="l">The trouble strings.</param>
/// <param name="text">The shared phrases.</param>
internal sealed class TroubleText(IStringLocalizer<TroubleText> l, MessageText text)
{
    public string Subject(TroubleKind kind, string? repository, string? connection) => kind switch
    {
        TroubleKind.ConnectionUnauthorized => connection is null ? l["SubjectUnauthorized"] : l["SubjectUnauthorizedNamed", connection],
        TroubleKind.NoPushAccess => l["SubjectNoPushAccess", repository ?? l["ARepository"]],
        TroubleKind.NotFound => l["SubjectNotFound", repository ?? l["ARepository"]],
        TroubleKind.AtRisk => l["SubjectAtRisk", repository ?? l["ARepository"]],
        TroubleKind.LosingDays => l["SubjectLosingDays", repository ?? l["ARepository"]],
        TroubleKind.RunFailed => l["SubjectRunFailed"],
        _ => kind.ToString(),
    };

    /// <summary>What happened, in a line; the English line the payload carries when the data to say it is missing.</summary>
    public string Summary(TroubleStartedPayload trouble)
    {
        ArgumentNullException.ThrowIfNull(trouble);
        var repository = trouble.Repository?.FullName;
        return trouble.Kind switch
        {
            TroubleKind.ConnectionUnauthorized when trouble.ConnectionName is { } connection =>
                l["SummaryUnauthorized", connection, text.Repositories(trouble.Repositories.Count)],
            TroubleKind.NoPushAccess when repository is not null => l["SummaryNoPushAccess", repository],
            TroubleKind.NotFound when repository is not null => l["SummaryNotFound", repository],
            TroubleKind.AtRisk when repository is not null && trouble.DaysSinceRead is { } days =>
                l["SummaryAtRisk", repository, text.Days(days), Figures.Count(CollectionHorizon.GitHubWindowDays)],
            TroubleKind.LosingDays when repository is not null && trouble.DaysSinceRead is { } days =>
                l["SummaryLosingDays", repository, text.Days(days), Figures.Count(CollectionHorizon.GitHubWindowDays)],
            TroubleKind.RunFailed when trouble.RunId is { } run => l["SummaryRunFailed", Figures.Count(run)],
            _ => trouble.Summary,
        };
    }

    public string Advice(TroubleStartedPayload trouble)
    {
        ArgumentNullException.ThrowIfNull(trouble);
        return trouble.Kind switch
        {
            TroubleKind.ConnectionUnauthorized => l["AdviceUnauthorized"],
            TroubleKind.NoPushAccess => l["AdviceNoPushAccess"],
            TroubleKind.NotFound => l["AdviceNotFound"],
            TroubleKind.AtRisk => l["AdviceAtRisk", text.Days(Math.Max(0, CollectionHorizon.GitHubWindowDays - (trouble.DaysSinceRead ?? 0))),
                Figures.Count(CollectionHorizon.GitHubWindowDays)],
            TroubleKind.LosingDays => l["AdviceLosingDays"],
            TroubleKind.RunFailed => l["AdviceRunFailed"],
            _ => string.Empty,
        };
    }

    /// <summary>Why a condition cleared; the English line the payload carries when it predates <see cref="TroubleResolvedPayload.Reason"/>.</summary>
    public string Resolution(TroubleResolvedPayload resolved)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        var repository = resolved.Repository?.FullName;
        return resolved.Reason switch
        {
            TroubleResolution.CredentialsAccepted => l["ResolvedCredentialsAccepted"],
            TroubleResolution.ConnectionRemoved => l["ResolvedConnectionRemoved"],
            TroubleResolution.RunFinished when resolved.RunId is { } run => resolved.RunStatus == nameof(CollectionRunStatus.Succeeded)
                ? l["ResolvedRunSucceeded", Figures.Count(run)]
                : l["ResolvedRunCompleted", Figures.Count(run)],
            TroubleResolution.NoLongerTracked => l["ResolvedNoLongerTracked"],
            TroubleResolution.ReadAgain when repository is not null && resolved.ReadOn is { } day => l["ResolvedReadAgain", repository, Figures.Day(day)],
            TroubleResolution.Collected when repository is not null => l["ResolvedCollected", repository],
            TroubleResolution.OtherStatus when repository is not null => l["ResolvedOtherStatus", repository, resolved.LastStatus ?? "?"],
            _ => resolved.Resolution,
        };
    }

    /// <summary>The tenant's page for a connection, the collection log for runs, else the repository's page.</summary>
    public static Uri? Link(TroubleKind kind, EventRepository? repository, Uri? baseUrl, string tenantSlug) => kind switch
    {
        TroubleKind.ConnectionUnauthorized => AppLinks.Tenant(baseUrl, tenantSlug),
        TroubleKind.RunFailed => AppLinks.CollectionLog(baseUrl),
        _ when repository is not null => AppLinks.Repository(baseUrl, repository.Id),
        _ => AppLinks.Overview(baseUrl),
    };
}
