using GhStats.Domain;

namespace GhStats.Notifications.Delivery;

/// <summary>Where one message goes, with its secrets unprotected; lives only for the attempt and is never logged.</summary>
/// <param name="Kind">How it is sent.</param>
/// <param name="Key">Names the destination in identifiers: <c>channel-3</c> or <c>user-5</c>.</param>
/// <param name="Url">Webhook and Slack: the address posted to.</param>
/// <param name="SigningSecret">Webhook: the HMAC key.</param>
/// <param name="Recipients">Email: the addresses.</param>
internal sealed record NotificationDestination(
    NotificationChannelKind Kind,
    string Key,
    Uri? Url,
    string? SigningSecret,
    IReadOnlyList<string> Recipients)
{
    /// <summary>
    /// The language the message is written in: the subscriber's profile language, or the channel's; null for English.
    /// Webhooks ignore it: their payload is data.
    /// </summary>
    public string? Language { get; init; }

    public override string ToString() => $"{Kind} {Key}";
}
