using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using GhStats.Administration;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api;
using GhStats.Web.Api.Contracts;

namespace GhStats.Web.Notifications;

/// <summary>
/// Checks a new channel field by field and builds it: the URL and (for a webhook) a generated signing secret go into a
/// <see cref="NotificationChannelSecret"/> that is protected before it reaches the store.
/// </summary>
internal static class ChannelInput
{
    /// <summary>An email channel's recipients, at most this many.</summary>
    public const int MaxRecipients = 20;

    private const int MaxUrlLength = 2000;
    private const string SlackHost = "hooks.slack.com";

    /// <summary>A channel to add and, for a webhook, its signing secret; or the errors, by field.</summary>
    public sealed record Checked(NewNotificationChannel? Channel, string? SigningSecret, Dictionary<string, string[]> Errors)
    {
        /// <summary>Prints the result without the signing secret.</summary>
        private bool PrintMembers(System.Text.StringBuilder builder)
        {
            builder.Append("Channel = ").Append(Channel).Append(", SigningSecret = ").Append(SigningSecret is null ? "null" : "***")
                .Append(", Errors = ").Append(Errors is null ? string.Empty : string.Join("; ", Errors.Keys));
            return true;
        }
    }

    public static Checked Check(long tenantId, CreateChannelRequest request, bool allowPrivateAddresses, ISecretProtector protector, string? createdBy)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > FieldLimits.ChannelName)
        {
            errors["name"] = [$"name is required, at most {FieldLimits.ChannelName} characters."];
        }

        var kind = WireNames.ChannelKindFrom(request.Kind);
        if (kind is null)
        {
            errors["kind"] = [$"kind must be webhook, slack or email, not '{request.Kind}'."];
        }

        var topics = TopicsOf(request.Topics, out var topicError);
        if (topicError is not null || topics == NotificationTopics.None)
        {
            errors["topics"] = [topicError ?? $"topics must name at least one of {WireNames.TopicNames}."];
        }

        // Webhooks carry data, not text, but their language is kept too: it applies if the channel ever shows text.
        var language = GhStatsLanguages.Normalize(request.Language);
        if (language is null && !string.IsNullOrWhiteSpace(request.Language))
        {
            errors["language"] = [$"language must be one of {string.Join(", ", GhStatsLanguages.Supported)}, or left out for English."];
        }

        string? recipients = null;
        string? url = null;
        if (kind == NotificationChannelKind.Email)
        {
            recipients = RecipientsOf(request.Recipients, errors);
        }
        else if (kind is not null)
        {
            url = UrlOf(request.Url, kind.Value, allowPrivateAddresses, errors);
        }

        if (errors.Count > 0)
        {
            return new Checked(null, null, errors);
        }

        string? signingSecret = kind == NotificationChannelKind.Webhook ? NewSigningSecret() : null;
        var protectedSecret = url is null ? null : protector.Protect(new NotificationChannelSecret(url, signingSecret).ToJson());
        return new Checked(new NewNotificationChannel(tenantId, name!, kind!.Value, topics, recipients, protectedSecret, createdBy) { Language = language },
            signingSecret, errors);
    }

    /// <summary>Topic names to flags; an unknown name is an error, an empty or missing list is <see cref="NotificationTopics.None"/>.</summary>
    public static NotificationTopics TopicsOf(IReadOnlyList<string>? names, out string? error)
    {
        error = null;
        var topics = NotificationTopics.None;
        foreach (var name in names ?? [])
        {
            if (WireNames.TopicFrom(name) is not { } topic)
            {
                error = $"topics may hold only {WireNames.TopicNames}, not '{name}'.";
                return NotificationTopics.None;
            }

            topics |= topic;
        }

        return topics;
    }

    /// <summary>32 random bytes as "whsec_" and base64url: the HMAC key a receiver checks signatures with.</summary>
    private static string NewSigningSecret() => "whsec_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static string? RecipientsOf(IReadOnlyList<string>? given, Dictionary<string, string[]> errors)
    {
        var recipients = (given ?? []).Select(r => r?.Trim() ?? string.Empty).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (recipients.Count is 0 or > MaxRecipients)
        {
            errors["recipients"] = [$"recipients must hold 1 to {MaxRecipients} email addresses for an email channel."];
            return null;
        }

        var invalid = recipients.Where(r => !GhStatsAdministration.IsEmailAddress(r)).ToList();
        if (invalid.Count > 0)
        {
            errors["recipients"] = [.. invalid.Select(r => $"'{r}' is not an email address.")];
            return null;
        }

        var joined = string.Join(",", recipients);
        if (joined.Length > FieldLimits.ChannelRecipients)
        {
            errors["recipients"] = [$"recipients are at most {FieldLimits.ChannelRecipients} characters together."];
            return null;
        }

        return joined;
    }

    private static string? UrlOf(string? given, NotificationChannelKind kind, bool allowPrivateAddresses, Dictionary<string, string[]> errors)
    {
        var text = given?.Trim();
        var example = kind == NotificationChannelKind.Slack ? "https://hooks.slack.com/services/..." : "https://example.com/ghstats-hook";
        if (string.IsNullOrEmpty(text) || text.Length > MaxUrlLength || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            errors["url"] = [$"url is required for a {WireNames.Of(kind)} channel: an absolute https address such as {example}."];
            return null;
        }

        // Never echo the URL back: a Slack webhook URL is a credential.
        string? problem = null;
        if (!(uri.Scheme == Uri.UriSchemeHttps || (allowPrivateAddresses && uri.Scheme == Uri.UriSchemeHttp)))
        {
            problem = allowPrivateAddresses ? "url must be an http or https address." : "url must be an https address.";
        }
        else if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            problem = "url must not carry a user name or password.";
        }
        else if (!string.IsNullOrEmpty(uri.Fragment))
        {
            problem = "url must not have a fragment (#...).";
        }
        else if (kind == NotificationChannelKind.Slack && !allowPrivateAddresses && !string.Equals(uri.Host, SlackHost, StringComparison.OrdinalIgnoreCase))
        {
            problem = $"url of a Slack channel must be a Slack incoming webhook on {SlackHost}.";
        }
        else if (!allowPrivateAddresses && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var literal) && !OutgoingAddresses.IsPublic(literal))
        {
            // Names are judged again when the message is sent; an address literal can be refused now.
            problem = "url must not point at a private, loopback or link-local address.";
        }
        else if (!allowPrivateAddresses && uri.IsLoopback)
        {
            problem = "url must not point at this machine.";
        }

        if (problem is not null)
        {
            errors["url"] = [problem];
            return null;
        }

        return uri.AbsoluteUri;
    }
}
