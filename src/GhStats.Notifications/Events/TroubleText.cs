namespace GhStats.Notifications.Events;

/// <summary>What a trouble kind is called in a message's title, what to do about it, and where to look.</summary>
internal static class TroubleText
{
    public static string Subject(TroubleKind kind, string? repository, string? connection) => kind switch
    {
        TroubleKind.ConnectionUnauthorized => connection is null ? "GitHub refused a connection's credentials" : $"GitHub refused connection \"{connection}\"",
        TroubleKind.NoPushAccess => $"no push access to {repository ?? "a repository"}",
        TroubleKind.NotFound => $"{repository ?? "a repository"} not found",
        TroubleKind.AtRisk => $"{repository ?? "a repository"} at risk of losing days",
        TroubleKind.LosingDays => $"{repository ?? "a repository"} losing days",
        TroubleKind.RunFailed => "a collection run failed",
        _ => kind.ToString(),
    };

    /// <summary>The tenant's page for a connection, the collection log for runs, else the repository's page.</summary>
    public static Uri? Link(TroubleKind kind, EventRepository? repository, Uri? baseUrl, string tenantSlug) => kind switch
    {
        TroubleKind.ConnectionUnauthorized => AppLinks.Tenant(baseUrl, tenantSlug),
        TroubleKind.RunFailed => AppLinks.CollectionLog(baseUrl),
        _ when repository is not null => AppLinks.Repository(baseUrl, repository.Id),
        _ => AppLinks.Overview(baseUrl),
    };

    public static string Advice(TroubleStartedPayload trouble) => trouble.Kind switch
    {
        TroubleKind.ConnectionUnauthorized => "Replace the token, or check the GitHub App's installation, on the tenant's page.",
        TroubleKind.NoPushAccess => "GitHub shows traffic only to push access: a classic token needs repo (or public_repo), a fine-grained token or GitHub App \"Administration: read\".",
        TroubleKind.NotFound => "Check whether it was renamed, deleted or made invisible to the token; stop tracking it if it is gone.",
        TroubleKind.AtRisk => $"Collect it within {Math.Max(0, 14 - (trouble.DaysSinceRead ?? 0))} days, or days fall out of GitHub's 14-day window for good.",
        TroubleKind.LosingDays => "Each further day without a successful read loses the oldest day for good.",
        TroubleKind.RunFailed => "See the collection log for the run's errors.",
        _ => string.Empty,
    };
}
