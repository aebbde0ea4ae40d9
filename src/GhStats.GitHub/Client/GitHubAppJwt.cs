using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GhStats.GitHub.Client;

/// <summary>The short-lived RS256 JSON Web Token a GitHub App signs to ask for installation tokens.</summary>
internal static class GitHubAppJwt
{
    public static string Create(long appId, string privateKeyPem, DateTimeOffset now)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(privateKeyPem);
        }
        catch (ArgumentException exception)
        {
            throw new CryptographicException("The GitHub App private key is not a PEM-encoded RSA key.", exception);
        }

        // Issued a minute early and valid nine minutes, as GitHub advises for clock drift (at most ten).
        var issuedAt = now.AddSeconds(-60).ToUnixTimeSeconds();
        var expires = now.AddMinutes(9).ToUnixTimeSeconds();
        var header = Base64Url.EncodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"{{\"iat\":{issuedAt},\"exp\":{expires},\"iss\":\"{appId}\"}}")));
        var signature = rsa.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64Url.EncodeToString(signature)}";
    }
}
