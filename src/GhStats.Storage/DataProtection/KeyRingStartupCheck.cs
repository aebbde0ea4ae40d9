using System.Security.Cryptography;
using System.Xml.Linq;
using GhStats.Stores;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.Storage.DataProtection;

/// <summary>
/// At start, after migrations: says how the keys are protected at rest, and refuses to start when the key ring holds keys this
/// process's certificate cannot decrypt (a replica with a certificate of its own instead of the shared one).
/// </summary>
internal sealed class KeyRingStartupCheck(
    IServiceProvider services,
    IDataProtectionKeyStore keys,
    KeyCertificate certificate,
    DatabaseKeyRingProbe probe,
    IOptions<GhStatsDataProtectionOptions> options,
    ILogger<KeyRingStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (probe.IsProduction && string.IsNullOrWhiteSpace(options.Value.KeyCertificatePath) && options.Value.AllowUnencryptedKeys)
        {
            KeyRingLog.StoringUnencryptedKeys(logger);
        }

        if (certificate.Certificate is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(options.Value.KeyCertificatePath) && probe.GeneratedCertificatePath is { } generated)
        {
            KeyRingLog.UsingGeneratedCertificate(logger, generated, probe.GeneratedCertificateCreated);
        }

        var unreadable = new List<string>();
        var unencrypted = new List<string>();
        IReadOnlyList<GhStats.Domain.DataProtectionKey> stored;
        try
        {
            stored = await keys.ListAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // With MigrateOnStartup off the schema may not exist yet; readiness reports that, and the check runs at the next start.
            KeyRingLog.KeyRingNotChecked(logger, exception.Message);
            return;
        }

        foreach (var key in stored)
        {
            var xml = XElement.Parse(key.Xml);
            var secrets = xml.Descendants().Where(e => e.Name.LocalName == "encryptedSecret").ToList();
            if (secrets.Count == 0)
            {
                unencrypted.Add(key.FriendlyName);
            }
            else if (!secrets.All(CanDecrypt))
            {
                unreadable.Add(key.FriendlyName);
            }
        }

        if (unreadable.Count > 0)
        {
            var path = options.Value.KeyCertificatePath is { Length: > 0 } configured ? configured : probe.GeneratedCertificatePath;
            throw new InvalidOperationException(
                $"The Data Protection keys {string.Join(", ", unreadable)} in the database cannot be decrypted with this process's key-encryption certificate '{path}': " +
                "they were encrypted by another replica's certificate. Every replica must use the same certificate: copy the .pfx that encrypted them " +
                "(the first replica's, or its backup) to each replica and set GhStats:DataProtection:KeyCertificatePath (and KeyCertificatePassword) to it.");
        }

        if (unencrypted.Count > 0)
        {
            KeyRingLog.UnencryptedKeysRemain(logger, string.Join(", ", unencrypted));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private bool CanDecrypt(XElement encryptedSecret)
    {
        // Keys encrypted by a host's own choice (DPAPI, Azure Key Vault) are that host's to check.
        if (encryptedSecret.Attribute("decryptorType")?.Value.Contains(nameof(EncryptedXmlDecryptor), StringComparison.Ordinal) != true ||
            encryptedSecret.Elements().FirstOrDefault() is not { } encrypted)
        {
            return true;
        }

        try
        {
            new EncryptedXmlDecryptor(services).Decrypt(encrypted);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
