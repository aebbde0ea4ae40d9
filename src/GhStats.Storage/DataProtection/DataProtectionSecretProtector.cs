using System.Security.Cryptography;
using GhStats.Stores;
using Microsoft.AspNetCore.DataProtection;

namespace GhStats.Storage.DataProtection;

/// <summary>Encrypts GitHub tokens and App keys with ASP.NET Core Data Protection, whose keys live in the database.</summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("GhStats.GitHubConnectionSecrets.v1");

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
            throw new InvalidOperationException(
                "A GitHub connection's secret cannot be decrypted: the Data Protection key that encrypted it is not in this database's key ring. Enter the token again.",
                exception);
        }
    }
}
