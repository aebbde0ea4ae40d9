using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GhStats.Notifications.Tests;

/// <summary>
/// A webhook receiver's check, written from the published scheme alone (no GhStats code): the signature is
/// <c>v1=</c> + lowercase hex HMAC-SHA256, keyed with the UTF-8 bytes of the whole signing secret, over
/// <c>"&lt;GhStats-Timestamp&gt;.&lt;raw body&gt;"</c>; a timestamp older than 5 minutes and an id seen before are refused.
/// </summary>
internal sealed class WebhookVerifier(string signingSecret, TimeProvider clock)
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, bool> _seen = new();

    public WebhookVerdict Verify(string? eventId, string? timestamp, string? signature, byte[] body)
    {
        if (eventId is null || timestamp is null || signature is null)
        {
            return WebhookVerdict.Reject("missing header");
        }

        // 1. The signature, compared in constant time, over exactly the bytes received.
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), signed));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            return WebhookVerdict.Reject("bad signature");
        }

        // 2. The timestamp: at most 5 minutes old (and not from the future beyond the same tolerance).
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return WebhookVerdict.Reject("stale timestamp");
        }

        // 3. The id: the signed body's, which the header must repeat; each is taken once.
        using var json = JsonDocument.Parse(body);
        var id = json.RootElement.GetProperty("id").GetString();
        if (id != eventId)
        {
            return WebhookVerdict.Reject("id mismatch");
        }

        return _seen.TryAdd(id, true) ? WebhookVerdict.Accept(id) : WebhookVerdict.Reject("replayed id");
    }
}

internal sealed record WebhookVerdict(bool Accepted, string Reason, string? EventId)
{
    public static WebhookVerdict Accept(string eventId) => new(true, "ok", eventId);

    public static WebhookVerdict Reject(string reason) => new(false, reason, null);
}
