namespace GhStats.Client.Models;

/// <summary>A channel just added: the channel and, for a webhook, the signing secret, which no later answer holds.</summary>
/// <param name="Id">The channel's id.</param>
/// <param name="Name">A name the owner chose.</param>
/// <param name="Kind"><c>webhook</c>, <c>slack</c> or <c>email</c>.</param>
/// <param name="Topics">What it receives.</param>
/// <param name="Target">Where it delivers: recipients, or only the URL's host.</param>
/// <param name="CreatedAt">When it was added (UTC).</param>
/// <param name="CreatedBy">Who added it.</param>
/// <param name="SigningSecret">A webhook's HMAC-SHA256 key (<c>whsec_...</c>) that signs every delivery; null for other kinds.</param>
public sealed record CreatedNotificationChannel(
    long Id,
    string Name,
    string Kind,
    IReadOnlyList<string> Topics,
    string? Target,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    string? SigningSecret)
{
    /// <summary>The language its digests and alerts are written in, or null for English.</summary>
    public string? Language { get; init; }

    /// <summary>Shows the channel without its signing secret, so logging it leaks nothing.</summary>
    /// <returns>The record's fields, the signing secret redacted.</returns>
    public override string ToString() =>
        $"{nameof(CreatedNotificationChannel)} {{ Id = {Id}, Name = {Name}, Kind = {Kind}, Topics = {(Topics is null ? "" : string.Join(",", Topics))}, Target = {Target}, Language = {Language}, SigningSecret = {(SigningSecret is null ? "" : "***")} }}";
}
