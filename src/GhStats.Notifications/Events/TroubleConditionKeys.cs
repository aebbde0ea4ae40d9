using System.Globalization;

namespace GhStats.Notifications.Events;

/// <summary>
/// The keys of trouble conditions (<c>connection:3:unauthorized</c>, <c>repo:12:no_push_access</c>, <c>repo:12:not_found</c>,
/// <c>repo:12:at_risk</c>, <c>repo:12:losing_days</c>, <c>runs:failed</c>) and of the events that announce them:
/// <c>{condition}:started:{unix seconds it opened}</c> and <c>{condition}:resolved:{unix seconds it cleared}</c>.
/// </summary>
internal static class TroubleConditionKeys
{
    public const string RunFailed = "runs:failed";

    public static string ConnectionUnauthorized(long connectionId) => FormattableString.Invariant($"connection:{connectionId}:unauthorized");

    public static string Repository(long repositoryId, TroubleKind kind) => FormattableString.Invariant($"repo:{repositoryId}:{Suffix(kind)}");

    public static string Started(string condition, DateTimeOffset openedAt) =>
        FormattableString.Invariant($"{condition}:started:{openedAt.ToUnixTimeSeconds()}");

    public static string Resolved(string condition, DateTimeOffset resolvedAt) =>
        FormattableString.Invariant($"{condition}:resolved:{resolvedAt.ToUnixTimeSeconds()}");

    /// <summary>Reads a condition key back.</summary>
    /// <returns>The kind and the connection or repository id (null for runs), or null for a key that is not a trouble condition.</returns>
    public static (TroubleKind Kind, long? SubjectId)? Parse(string key)
    {
        if (key == RunFailed)
        {
            return (TroubleKind.RunFailed, null);
        }

        var parts = key.Split(':');
        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        TroubleKind? kind = (parts[0], parts[2]) switch
        {
            ("connection", "unauthorized") => TroubleKind.ConnectionUnauthorized,
            ("repo", "no_push_access") => TroubleKind.NoPushAccess,
            ("repo", "not_found") => TroubleKind.NotFound,
            ("repo", "at_risk") => TroubleKind.AtRisk,
            ("repo", "losing_days") => TroubleKind.LosingDays,
            _ => null,
        };
        return kind is { } found ? (found, id) : null;
    }

    private static string Suffix(TroubleKind kind) => kind switch
    {
        TroubleKind.NoPushAccess => "no_push_access",
        TroubleKind.NotFound => "not_found",
        TroubleKind.AtRisk => "at_risk",
        TroubleKind.LosingDays => "losing_days",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a repository condition."),
    };
}
