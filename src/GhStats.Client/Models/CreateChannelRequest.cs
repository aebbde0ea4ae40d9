namespace GhStats.Client.Models;

/// <summary>
/// Adds a notification channel: <see cref="Webhook"/>, <see cref="Slack"/> or <see cref="Email"/> build one. The URL
/// goes to the server and never comes back.
/// </summary>
/// <param name="Name">A name, unique in the tenant.</param>
/// <param name="Kind"><c>webhook</c>, <c>slack</c> or <c>email</c>.</param>
/// <param name="Topics">What it receives: one or more of <c>digest</c>, <c>spike</c>, <c>trouble</c>.</param>
/// <param name="Url">For <c>webhook</c> and <c>slack</c>: the https address to post to.</param>
/// <param name="Recipients">For <c>email</c>: 1 to 20 addresses.</param>
public sealed record CreateChannelRequest(
    string Name,
    string Kind,
    IReadOnlyList<string> Topics,
    string? Url,
    IReadOnlyList<string>? Recipients)
{
    /// <summary>
    /// The language its digests and alerts are written in (<c>en</c>, <c>de</c>, <c>fr</c>, <c>es</c>, <c>pt-BR</c>,
    /// <c>ja</c>); null for English. Set it with <c>with { Language = "de" }</c>. Webhook payloads are data and stay as they are.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>A webhook that receives signed JSON.</summary>
    /// <param name="name">The channel's name.</param>
    /// <param name="url">The https address.</param>
    /// <param name="topics">What it receives.</param>
    /// <returns>The request.</returns>
    public static CreateChannelRequest Webhook(string name, string url, params string[] topics) => new(name, "webhook", topics, url, null);

    /// <summary>A Slack incoming webhook.</summary>
    /// <param name="name">The channel's name.</param>
    /// <param name="url">The incoming webhook's address on hooks.slack.com.</param>
    /// <param name="topics">What it receives.</param>
    /// <returns>The request.</returns>
    public static CreateChannelRequest Slack(string name, string url, params string[] topics) => new(name, "slack", topics, url, null);

    /// <summary>Email to fixed recipients.</summary>
    /// <param name="name">The channel's name.</param>
    /// <param name="recipients">The addresses.</param>
    /// <param name="topics">What it receives.</param>
    /// <returns>The request.</returns>
    public static CreateChannelRequest Email(string name, IReadOnlyList<string> recipients, params string[] topics) => new(name, "email", topics, null, recipients);

    /// <summary>Shows the request without its URL (a Slack webhook URL is itself a credential).</summary>
    /// <returns>The record's fields, the URL redacted.</returns>
    public override string ToString() =>
        $"{nameof(CreateChannelRequest)} {{ Name = {Name}, Kind = {Kind}, Topics = {(Topics is null ? "" : string.Join(",", Topics))}, Url = {(Url is null ? "" : "***")}, Recipients = {(Recipients is null ? "" : string.Join(",", Recipients))}, Language = {Language} }}";
}
