using System.Security.Cryptography;
using System.Text;

namespace GhStats.Notifications.Senders;

/// <summary>
/// The webhook signature: <c>v1=</c> and the lowercase hex HMAC-SHA256, keyed with the UTF-8 bytes of the whole signing
/// secret string (<c>whsec_...</c> included), of <c>"&lt;unix seconds&gt;.&lt;raw body&gt;"</c>.
/// </summary>
internal static class WebhookSignature
{
    public const string EventIdHeader = "GhStats-Event-Id";
    public const string TimestampHeader = "GhStats-Timestamp";
    public const string SignatureHeader = "GhStats-Signature";
    public const string Version = "v1=";

    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Version + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), signed));
    }
}
