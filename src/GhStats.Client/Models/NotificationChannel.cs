namespace GhStats.Client.Models;

/// <summary>A tenant's notification channel; its URL and signing secret are never returned.</summary>
/// <param name="Id">The channel's id.</param>
/// <param name="Name">A name the owner chose.</param>
/// <param name="Kind"><c>webhook</c>, <c>slack</c> or <c>email</c>.</param>
/// <param name="Topics">What it receives: <c>digest</c>, <c>spike</c>, <c>trouble</c>.</param>
/// <param name="Target">Where it delivers: an email channel's recipients, or only the host of a webhook's or Slack's URL.</param>
/// <param name="CreatedAt">When it was added (UTC).</param>
/// <param name="CreatedBy">Who added it.</param>
public sealed record NotificationChannel(
    long Id,
    string Name,
    string Kind,
    IReadOnlyList<string> Topics,
    string? Target,
    DateTimeOffset CreatedAt,
    string? CreatedBy)
{
    /// <summary>The language its digests and alerts are written in, or null for English.</summary>
    public string? Language { get; init; }
}
