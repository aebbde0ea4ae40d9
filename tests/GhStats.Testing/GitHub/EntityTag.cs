using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;

namespace GhStats.Testing.GitHub;

/// <summary>
/// GitHub's entity tags on the answers it caches: weak (<c>W/"..."</c>), a digest of the body, so they change exactly when
/// the answer does (the token's permissions, the Accept header's media type and the data all show in the body), and
/// <c>If-None-Match</c> compared weakly (RFC 9110, 13.1.2), <c>*</c> and lists included.
/// </summary>
internal static class EntityTag
{
    public static string Of(ReadOnlySpan<byte> body) => "W/\"" + Convert.ToHexStringLower(SHA256.HashData(body)) + "\"";

    public static bool Matches(StringValues ifNoneMatch, string etag)
    {
        var opaque = Opaque(etag);
        foreach (var header in ifNoneMatch)
        {
            foreach (var candidate in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (candidate == "*" || Opaque(candidate).SequenceEqual(opaque))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag.AsSpan(2) : tag.AsSpan();
}
