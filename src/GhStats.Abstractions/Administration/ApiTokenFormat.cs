using System.Security.Cryptography;
using System.Text;

namespace GhStats.Administration;

/// <summary>Personal API tokens: 256 random bits behind a recognisable prefix; only their SHA-256 hash is stored.</summary>
public static class ApiTokenFormat
{
    /// <summary>Marks a GhStats token, so secret scanners and people can tell it from a GitHub token.</summary>
    public const string Prefix = "ghst_";

    /// <summary>A new token: the prefix and 256 random bits, base64url-encoded.</summary>
    /// <returns>The token, to show once.</returns>
    public static string NewToken() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether a bearer value has the shape of a GhStats token (and not, say, a cron secret).</summary>
    /// <param name="value">The value.</param>
    /// <returns>True for the prefix and a plausible length.</returns>
    public static bool LooksLikeToken(string value) => value.StartsWith(Prefix, StringComparison.Ordinal) && value.Length is > 20 and < 200;

    /// <summary>The SHA-256 hash, lower-case hex, that is stored in place of the token.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The hash.</returns>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
