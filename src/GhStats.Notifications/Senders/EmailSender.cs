using System.Globalization;
using System.Net.Sockets;
using GhStats.Domain;
using GhStats.Notifications.Delivery;
using GhStats.Notifications.Localization;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GhStats.Notifications.Senders;

/// <summary>
/// Sends the rendered document by SMTP (MailKit) to a channel's recipients or a subscriber's profile email, through
/// <c>GhStats:Notifications:Smtp</c>. A 5xx answer is final; 4xx answers, connection and TLS failures are retried.
/// </summary>
internal sealed class EmailSender(IOptionsMonitor<GhStatsNotificationsOptions> options, TimeProvider clock, MessageText text) : INotificationSender
{
    public NotificationChannelKind Kind => NotificationChannelKind.Email;

    public async Task<DeliveryResult> SendAsync(NotificationEnvelope envelope, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var smtp = settings.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            return DeliveryResult.Permanent("GhStats:Notifications:Smtp:Host is not set, so email cannot be sent.");
        }

        if (!MailboxAddress.TryParse(smtp.From, out var from))
        {
            return DeliveryResult.Permanent("GhStats:Notifications:Smtp:From is not an email address.");
        }

        var recipients = new List<MailboxAddress>();
        foreach (var recipient in envelope.Destination.Recipients)
        {
            if (!MailboxAddress.TryParse(recipient, out var address) || string.IsNullOrEmpty(address.Domain))
            {
                return DeliveryResult.Permanent($"Recipient '{recipient}' is not an email address.");
            }

            recipients.Add(address);
        }

        using var message = EmailComposer.Compose(envelope, from, recipients, clock.GetUtcNow(), text);
        using var timeout = new CancellationTokenSource(settings.SendTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var client = new SmtpClient { Timeout = (int)settings.SendTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SocketOptions(smtp.Security), linked.Token).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", linked.Token).ConfigureAwait(false);
            }

            var answer = await client.SendAsync(message, linked.Token).ConfigureAwait(false);
            await client.DisconnectAsync(true, linked.Token).ConfigureAwait(false);
            return DeliveryResult.Success($"SMTP 250 {answer}".Trim());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Transient($"SMTP: no answer within {settings.SendTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
        }
        catch (SmtpCommandException e)
        {
            var outcome = $"SMTP {(int)e.StatusCode}: {e.Message}";
            return (int)e.StatusCode >= 500 ? DeliveryResult.Permanent(outcome) : DeliveryResult.Transient(outcome);
        }
        catch (ServiceNotAuthenticatedException)
        {
            return DeliveryResult.Permanent($"SMTP {smtp.Host} requires signing in: set GhStats:Notifications:Smtp:UserName and Password.");
        }
        catch (AuthenticationException e)
        {
            return DeliveryResult.Transient($"SMTP authentication as {smtp.UserName} failed: {e.Message}");
        }
        catch (Exception e) when (e is SmtpProtocolException or SslHandshakeException or IOException or SocketException or ServiceNotConnectedException)
        {
            return DeliveryResult.Transient($"SMTP {smtp.Host}:{smtp.Port.ToString(CultureInfo.InvariantCulture)}: {e.Message}");
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}
