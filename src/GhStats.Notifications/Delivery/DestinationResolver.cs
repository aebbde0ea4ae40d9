using System.Security.Cryptography;
using GhStats.Domain;
using GhStats.Stores;

namespace GhStats.Notifications.Delivery;

/// <summary>
/// Finds where a message goes: a channel (its secret unprotected) or a subscriber's profile email. A destination that
/// is gone or broken for good answers a permanent failure instead, so the message is not retried. The destination
/// carries the language to write in: a subscriber's profile language, a channel's own.
/// </summary>
internal sealed class DestinationResolver(INotificationStore notifications, IUserStore users, ISecretProtector protector)
{
    public async Task<(NotificationDestination? Destination, DeliveryResult? Failure)> ResolveAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        if (message.ChannelId is { } channelId)
        {
            NotificationChannel channel;
            try
            {
                channel = await notifications.GetChannelAsync(message.TenantId, channelId, cancellationToken).ConfigureAwait(false);
            }
            catch (GhStatsNotFoundException)
            {
                return (null, DeliveryResult.Permanent($"Channel {channelId} no longer exists."));
            }

            return FromChannel(channel);
        }

        if (message.UserId is { } userId)
        {
            var user = await users.FindAsync(userId, cancellationToken).ConfigureAwait(false);
            return user is { Email.Length: > 0 }
                ? (new NotificationDestination(NotificationChannelKind.Email, $"user-{userId}", null, null, [user.Email]) { Language = user.Language }, null)
                : (null, DeliveryResult.Permanent($"User {userId} {(user is null ? "no longer exists" : "has no email address")}."));
        }

        return (null, DeliveryResult.Permanent("The message names neither a channel nor a subscriber."));
    }

    private (NotificationDestination?, DeliveryResult?) FromChannel(NotificationChannel channel)
    {
        var key = $"channel-{channel.Id}";
        if (channel.Kind == NotificationChannelKind.Email)
        {
            var recipients = (channel.Recipients ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return recipients.Length == 0
                ? (null, DeliveryResult.Permanent($"Email channel {channel.Id} has no recipients."))
                : (new NotificationDestination(channel.Kind, key, null, null, recipients) { Language = channel.Language }, null);
        }

        if (channel.ProtectedSecret is null)
        {
            return (null, DeliveryResult.Permanent($"{channel.Kind} channel {channel.Id} has no stored address."));
        }

        NotificationChannelSecret secret;
        try
        {
            secret = NotificationChannelSecret.Parse(protector.Unprotect(channel.ProtectedSecret));
        }
        catch (CryptographicException)
        {
            // Another replica may hold a key this one has not loaded yet: worth another attempt.
            return (null, DeliveryResult.Transient($"The secret of channel {channel.Id} cannot be decrypted with this process's Data Protection keys."));
        }
        catch (FormatException e)
        {
            return (null, DeliveryResult.Permanent($"The secret of channel {channel.Id} is unreadable: {e.Message}"));
        }

        if (!Uri.TryCreate(secret.Url, UriKind.Absolute, out var url))
        {
            return (null, DeliveryResult.Permanent($"The address of channel {channel.Id} is not an absolute URL."));
        }

        if (channel.Kind == NotificationChannelKind.Webhook && string.IsNullOrEmpty(secret.SigningSecret))
        {
            return (null, DeliveryResult.Permanent($"Webhook channel {channel.Id} has no signing secret."));
        }

        return (new NotificationDestination(channel.Kind, key, url, secret.SigningSecret, []) { Language = channel.Language }, null);
    }
}
