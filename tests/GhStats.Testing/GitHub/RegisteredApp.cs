using System.Security.Cryptography;

namespace GhStats.Testing.GitHub;

/// <summary>A GitHub App as the simulator knows it: its id, the public half of its key, and its JWT's rate-limit identity.</summary>
internal sealed class RegisteredApp : IDisposable
{
    private readonly Lock _rsaGate = new();
    private readonly RSA _publicKey;

    public RegisteredApp(long appId, RSAParameters publicKey, SimulatedIdentity jwtIdentity)
    {
        AppId = appId;
        _publicKey = RSA.Create(publicKey);
        PublicKey = publicKey;
        JwtIdentity = jwtIdentity;
    }

    public long AppId { get; }

    /// <summary>The App's URL name, as <c>GET /app</c> reports it.</summary>
    public string Slug => "ghstats-sim-app-" + AppId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public RSAParameters PublicKey { get; }

    public SimulatedIdentity JwtIdentity { get; }

    public bool Verify(byte[] signedData, byte[] signature)
    {
        // One RSA object per app; app-token requests are rare, so serializing them costs nothing.
        lock (_rsaGate)
        {
            return _publicKey.VerifyData(signedData, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }

    public void Dispose() => _publicKey.Dispose();
}
