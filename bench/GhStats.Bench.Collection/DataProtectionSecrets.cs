using GhStats.Stores;
using Microsoft.AspNetCore.DataProtection;

namespace GhStats.Bench.Collection;

/// <summary>Secrets encrypted with ASP.NET Core Data Protection (ephemeral keys), as the web module encrypts them.</summary>
internal sealed class DataProtectionSecrets(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("GhStats.GitHubSecrets");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
