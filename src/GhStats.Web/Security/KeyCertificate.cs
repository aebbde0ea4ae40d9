using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GhStats.Web.Security;

/// <summary>Loads the certificate that encrypts Data Protection keys at rest (<c>GhStats:DataProtection:KeyCertificatePath</c>).</summary>
internal static class KeyCertificate
{
    public static X509Certificate2 Load(string path, string? password)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"GhStats:DataProtection:KeyCertificatePath '{path}' has no private key; Data Protection needs it to read its keys back.");
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"GhStats:DataProtection:KeyCertificatePath '{path}' cannot be loaded as a PKCS#12 (.pfx) file with GhStats:DataProtection:KeyCertificatePassword: {exception.Message}",
                exception);
        }
    }
}
