using GhStats.Domain;

namespace GhStats.Web.Api;

/// <summary>How the API spells the domain's enumerations: camelCase words, and short names where GitHub has them.</summary>
internal static class WireNames
{
    public static string Of(SystemRole role) => role switch
    {
        SystemRole.Admin => "admin",
        SystemRole.Maintainer => "maintainer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string Of(TenantRole role) => role switch
    {
        TenantRole.Owner => "owner",
        TenantRole.Viewer => "viewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string Of(GitHubConnectionKind kind) => kind switch
    {
        GitHubConnectionKind.PersonalAccessToken => "pat",
        GitHubConnectionKind.App => "app",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Of(TrafficPeriod per) => per switch
    {
        TrafficPeriod.Day => "day",
        TrafficPeriod.Week => "week",
        TrafficPeriod.Month => "month",
        _ => throw new ArgumentOutOfRangeException(nameof(per), per, null),
    };

    public static string Of(CollectionRunStatus status) => CamelCase(status.ToString());

    public static string Of(DayCoverage coverage) => CamelCase(coverage.ToString());

    public static string Of(StarBackfillState state) => CamelCase(state.ToString());

    public static string Of(HorizonState state) => CamelCase(state.ToString());

    public static string Of(CollectionTrigger trigger) => CamelCase(trigger.ToString());

    public static string Of(CollectionErrorKind kind) => CamelCase(kind.ToString());

    public static string Of(RunsPerDaySource source) => CamelCase(source.ToString());

    public static string Of(AuditActorKind kind) => kind switch
    {
        AuditActorKind.ApiToken => "apiToken",
        _ => CamelCase(kind.ToString()),
    };

    public static string Of(NotificationChannelKind kind) => CamelCase(kind.ToString());

    public static string Of(TransferJobKind kind) => CamelCase(kind.ToString());

    public static string Of(TransferJobState state) => CamelCase(state.ToString());

    /// <summary>A topic set as the list of its names, in a fixed order: digest, spike, trouble.</summary>
    public static IReadOnlyList<string> Of(NotificationTopics topics) =>
        [.. Topics.Where(t => topics.HasFlag(t.Topic)).Select(t => t.Name)];

    public static NotificationChannelKind? ChannelKindFrom(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "WEBHOOK" => NotificationChannelKind.Webhook,
        "SLACK" => NotificationChannelKind.Slack,
        "EMAIL" => NotificationChannelKind.Email,
        _ => null,
    };

    /// <summary>One topic by its wire name, or null for a name that is none.</summary>
    public static NotificationTopics? TopicFrom(string? value) =>
        Topics.Where(t => string.Equals(t.Name, value?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(t => (NotificationTopics?)t.Topic).FirstOrDefault();

    /// <summary>The topics' wire names, for messages: "digest, spike, trouble".</summary>
    public static string TopicNames => string.Join(", ", Topics.Select(t => t.Name));

    private static readonly (NotificationTopics Topic, string Name)[] Topics =
        [(NotificationTopics.Digest, "digest"), (NotificationTopics.Spike, "spike"), (NotificationTopics.Trouble, "trouble")];

    public static TenantRole? TenantRoleFrom(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "OWNER" => TenantRole.Owner,
        "VIEWER" => TenantRole.Viewer,
        _ => null,
    };

    public static GitHubConnectionKind? ConnectionKindFrom(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "PAT" => GitHubConnectionKind.PersonalAccessToken,
        "APP" => GitHubConnectionKind.App,
        _ => null,
    };

    public static TrafficPeriod? PeriodFrom(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "DAY" => TrafficPeriod.Day,
        "WEEK" => TrafficPeriod.Week,
        "MONTH" => TrafficPeriod.Month,
        _ => null,
    };

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
