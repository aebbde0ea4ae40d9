using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GhStats.Storage.DataProtection;

/// <summary>
/// The key-encryption certificate Production creates for itself when none is configured: a self-signed RSA key in a .pfx
/// outside the database, readable by its owner only, so a database backup alone cannot decrypt the key ring.
/// </summary>
internal static class GeneratedKeyCertificate
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "GhStats", "DataProtection", "key-encryption.pfx");

    /// <summary>Creates the certificate at <paramref name="path"/> unless it exists; true when this call created it.</summary>
    public static bool CreateIfMissing(string path, TimeProvider time)
    {
        if (File.Exists(path))
        {
            return false;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }

        using var key = RSA.Create(3072);
        var request = new CertificateRequest("CN=GhStats Data Protection key encryption", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = time.GetUtcNow();

        // Data Protection does not check the validity period when it decrypts; a long one avoids a needless expiry.
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        var pfx = certificate.Export(X509ContentType.Pfx);
        try
        {
            var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                file.UnixCreateMode = OwnerOnlyFile;
            }

            using var stream = new FileStream(path, file);
            stream.Write(pfx);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process on this machine created it first; both use that one.
            return false;
        }
    }
}
