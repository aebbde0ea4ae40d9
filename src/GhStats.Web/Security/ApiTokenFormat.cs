using System.Security.Cryptography;
using System.Text;

namespace GhStats.Web.Security;

/// <summary>Personal API tokens: 256 random bits behind a recognisable prefix; only their SHA-256 hash is stored.</summary>
internal static class ApiTokenFormat
{
    /// <summary>Marks a GhStats token, so secret scanners and people can tell it from a GitHub token.</summary>
    public const string Prefix = "ghst_";

    public static string NewToken() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static bool LooksLikeToken(string value) => value.StartsWith(Prefix, StringComparison.Ordinal) && value.Length is > 20 and < 200;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
