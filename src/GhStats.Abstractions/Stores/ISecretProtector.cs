namespace GhStats.Stores;

/// <summary>Encrypts GitHub tokens and App keys for storage and decrypts them for the collector. Secrets never reach the store in clear.</summary>
public interface ISecretProtector
{
    /// <summary>Encrypts a secret.</summary>
    /// <param name="secret">The token or key in clear.</param>
    /// <returns>The protected form, safe to store.</returns>
    string Protect(string secret);

    /// <summary>Decrypts a secret.</summary>
    /// <param name="protectedSecret">What <see cref="Protect"/> returned.</param>
    /// <returns>The secret in clear.</returns>
    /// <exception cref="System.Security.Cryptography.CryptographicException">When the secret was protected with keys this process cannot read.</exception>
    string Unprotect(string protectedSecret);
}
