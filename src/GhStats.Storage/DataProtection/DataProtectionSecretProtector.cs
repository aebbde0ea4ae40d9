using System.Security.Cryptography;
using GhStats.Stores;
using Microsoft.AspNetCore.DataProtection;

namespace GhStats.Storage.DataProtection;

/// <summary>Encrypts GitHub tokens and App keys with ASP.NET Core Data Protection, whose keys live in the database.</summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    /// <summary>The purpose every GhStats process protects connection secrets under; changing it makes every stored secret unreadable.</summary>
    internal const string Purpose = "GhStats.GitHubConnectionSecrets.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return _protector.Protect(secret);
    }

    public string Unprotect(string protectedSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(protectedSecret);
        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException exception)
        {
            // ISecretProtector promises CryptographicException, so the collector refuses the connection instead of failing the run.
            throw new CryptographicException(
                "A GitHub connection's secret cannot be decrypted: the Data Protection key that encrypted it is not in this database's key ring, " +
                "or the key-encryption certificate (GhStats:DataProtection:KeyCertificatePath) is not the one that encrypted the key ring. " +
                $"Enter the token or key again. ({exception.Message})",
                exception);
        }
    }
}
