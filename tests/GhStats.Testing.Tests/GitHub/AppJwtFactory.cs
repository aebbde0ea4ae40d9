using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GhStats.Testing.Tests.GitHub;

/// <summary>Signs GitHub App JWTs (RS256) the way an app does, independently of the simulator's checking code.</summary>
internal static class AppJwtFactory
{
    public static string Create(long appId, RSA key, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        var header = Base64Url.EncodeToString("""{"alg":"RS256","typ":"JWT"}"""u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"iat":{{issuedAt.ToUnixTimeSeconds()}},"exp":{{expiresAt.ToUnixTimeSeconds()}},"iss":{{appId}}}""")));
        var signature = key.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>A JWT as GitHub recommends: issued 60 seconds ago (clock drift), expiring in 9 minutes.</summary>
    public static string Fresh(long appId, RSA key, DateTimeOffset now) => Create(appId, key, now.AddSeconds(-60), now.AddMinutes(9));
}
