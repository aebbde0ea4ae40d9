using System.Text;

namespace GhStats.Domain;

/// <summary>A channel to add; its secret arrives already protected.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Name">A name the owner chose.</param>
/// <param name="Kind">Webhook, Slack or email.</param>
/// <param name="Topics">The events it receives.</param>
/// <param name="Recipients">Email: the recipients' addresses, comma-separated; null for the other kinds.</param>
/// <param name="ProtectedSecret">Webhook and Slack: the protected <see cref="NotificationChannelSecret"/> JSON; null for email.</param>
/// <param name="CreatedBy">Who adds it.</param>
public sealed record NewNotificationChannel(
    long TenantId,
    string Name,
    NotificationChannelKind Kind,
    NotificationTopics Topics,
    string? Recipients,
    string? ProtectedSecret,
    string? CreatedBy)
{
    /// <summary>
    /// The language the channel's messages are written in (one of <see cref="GhStatsLanguages.Supported"/>), or null for
    /// <see cref="GhStatsLanguages.Default"/>. Webhook payloads stay English whatever it says: machines read them.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>Prints the record without the protected secret.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("TenantId = ").Append(TenantId).Append(", Name = ").Append(Name).Append(", Kind = ").Append(Kind)
            .Append(", Topics = ").Append(Topics).Append(", Recipients = ").Append(Recipients)
            .Append(", ProtectedSecret = ***, CreatedBy = ").Append(CreatedBy).Append(", Language = ").Append(Language);
        return true;
    }
}
