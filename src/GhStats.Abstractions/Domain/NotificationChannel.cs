using System.Text;

namespace GhStats.Domain;

/// <summary>A tenant's notification channel, as stored. Its secrets stay protected; no API returns them.</summary>
/// <param name="Id">Store-assigned identifier.</param>
/// <param name="TenantId">The tenant whose events it receives.</param>
/// <param name="Name">A name the owner chose.</param>
/// <param name="Kind">Webhook, Slack or email.</param>
/// <param name="Topics">The events it receives.</param>
/// <param name="Recipients">Email: the recipients' addresses, comma-separated; null for the other kinds.</param>
/// <param name="ProtectedSecret">Webhook and Slack: <see cref="NotificationChannelSecret"/> as JSON, protected with the secret protector; null for email.</param>
/// <param name="CreatedAt">When it was added (UTC).</param>
/// <param name="CreatedBy">Who added it (an email or subject), if known.</param>
public sealed record NotificationChannel(
    long Id,
    long TenantId,
    string Name,
    NotificationChannelKind Kind,
    NotificationTopics Topics,
    string? Recipients,
    string? ProtectedSecret,
    DateTimeOffset CreatedAt,
    string? CreatedBy)
{
    /// <summary>
    /// The language the channel's messages are written in (one of <see cref="GhStatsLanguages.Supported"/>), or null for
    /// <see cref="GhStatsLanguages.Default"/>. Webhook payloads stay English whatever it says: machines read them.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>Prints the record without the protected secret, which a logged line has no use for.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", TenantId = ").Append(TenantId).Append(", Name = ").Append(Name)
            .Append(", Kind = ").Append(Kind).Append(", Topics = ").Append(Topics).Append(", Recipients = ").Append(Recipients)
            .Append(", ProtectedSecret = ***, CreatedAt = ").Append(CreatedAt).Append(", CreatedBy = ").Append(CreatedBy).Append(", Language = ").Append(Language);
        return true;
    }
}
