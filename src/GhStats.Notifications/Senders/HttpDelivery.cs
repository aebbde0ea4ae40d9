using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using GhStats.Notifications.Delivery;
using Microsoft.Extensions.Options;

namespace GhStats.Notifications.Senders;

/// <summary>
/// Posts a webhook or Slack message through the notifications client and classifies the answer: 2xx delivered;
/// 408, 429 (with its Retry-After), 5xx, network failures and timeouts retried; any other 4xx and every 3xx (redirects
/// are not followed) failed for good, since the same request would be refused again. At most a short excerpt of the
/// answer's body reaches the delivery log.
/// </summary>
internal sealed class HttpDelivery(IHttpClientFactory clients, IOptionsMonitor<GhStatsNotificationsOptions> options, TimeProvider clock)
{
    private const int ExcerptBytes = 512;
    private const int ExcerptLength = 120;

    public async Task<DeliveryResult> PostAsync(Uri url, HttpContent content, Action<HttpRequestHeaders> headers, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && settings.AllowPrivateAddresses))
        {
            return DeliveryResult.Permanent("The channel's address must use https (plain http only with GhStats:Notifications:AllowPrivateAddresses).");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        headers(request.Headers);
        using var timeout = new CancellationTokenSource(settings.SendTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var client = clients.CreateClient(GhStatsNotificationsOptions.HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var excerpt = await ExcerptAsync(response, linked.Token).ConfigureAwait(false);
            return Classify(response, excerpt);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Transient($"No answer within {settings.SendTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
        }
        catch (HttpRequestException e) when (Refusal(e) is { } refused)
        {
            return DeliveryResult.Permanent($"Refused: {refused.Message}");
        }
        catch (HttpRequestException e)
        {
            return DeliveryResult.Transient($"Network: {e.Message}");
        }
    }

    private DeliveryResult Classify(HttpResponseMessage response, string excerpt)
    {
        var status = (int)response.StatusCode;
        var outcome = excerpt.Length == 0 ? $"HTTP {status}" : $"HTTP {status}: {excerpt}";
        return status switch
        {
            >= 200 and < 300 => DeliveryResult.Success(outcome),
            >= 300 and < 400 => DeliveryResult.Permanent($"HTTP {status}: a redirect, which GhStats does not follow; set the channel's address to the final URL."),
            (int)HttpStatusCode.TooManyRequests => DeliveryResult.Transient(outcome, RetryAfter(response)),
            (int)HttpStatusCode.RequestTimeout or >= 500 => DeliveryResult.Transient(outcome),
            _ => DeliveryResult.Permanent(outcome),
        };
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>The start of the body, one line of printable text, cut short: enough to tell "invalid_payload" from an HTML error page.</summary>
    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[ExcerptBytes];
            var read = 0;
            while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false) is var n and > 0)
            {
                read += n;
            }

            var text = new StringBuilder();
            foreach (var c in Encoding.UTF8.GetString(buffer, 0, read))
            {
                text.Append(char.IsControl(c) ? ' ' : c);
            }

            var line = string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            return line.Length <= ExcerptLength ? line : string.Concat(line.AsSpan(0, ExcerptLength), "…");
        }
    }

    private static NotificationAddressRefusedException? Refusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is NotificationAddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
