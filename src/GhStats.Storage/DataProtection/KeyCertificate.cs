using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace GhStats.Storage.DataProtection;

/// <summary>
/// The certificate that encrypts Data Protection keys at rest (<c>GhStats:DataProtection:KeyCertificatePath</c>), loaded once
/// (or the one Production generated for itself) when Data Protection first reads or writes its key ring; null when there is none.
/// </summary>
internal sealed class KeyCertificate(IOptions<GhStatsDataProtectionOptions> options, DatabaseKeyRingProbe probe) : IDisposable
{
    private readonly Lazy<X509Certificate2?> _certificate = new(() =>
        !string.IsNullOrWhiteSpace(options.Value.KeyCertificatePath) ? Load(options.Value.KeyCertificatePath, options.Value.KeyCertificatePassword)
        : !options.Value.AllowUnencryptedKeys && probe.GeneratedCertificatePath is { } generated ? Load(generated, password: null)
        : null);

    public X509Certificate2? Certificate => _certificate.Value;

    public void Dispose()
    {
        if (_certificate.IsValueCreated)
        {
            _certificate.Value?.Dispose();
        }
    }

    /// <summary>Loads a PKCS#12 file with its private key, or says in one sentence why it cannot.</summary>
    public static X509Certificate2 Load(string path, string? password)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            if (certificate.HasPrivateKey)
            {
                return certificate;
            }

            certificate.Dispose();
            throw new InvalidOperationException($"GhStats:DataProtection:KeyCertificatePath '{path}' has no private key; Data Protection needs it to read its keys back.");
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"GhStats:DataProtection:KeyCertificatePath '{path}' cannot be loaded as a PKCS#12 (.pfx) file with GhStats:DataProtection:KeyCertificatePassword: {exception.Message}",
                exception);
        }
    }
}
