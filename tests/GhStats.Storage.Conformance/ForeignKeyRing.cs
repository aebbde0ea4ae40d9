using GhStats.Storage.Conformance.Databases;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace GhStats.Storage.Conformance;

/// <summary>Another GhStats installation: its own SQLite database, so its own Data Protection key ring.</summary>
public static class ForeignKeyRing
{
    /// <summary>Protects a secret as that other installation would; no key of the test's own database can read it.</summary>
    /// <param name="secret">The secret.</param>
    /// <returns>The protected secret.</returns>
    public static async Task<string> ProtectAsync(string secret)
    {
        var other = new SqliteDatabaseFixture();
        await other.InitializeAsync();
        try
        {
            await using var services = other.BuildServices(TimeProvider.System);
            return services.GetRequiredService<ISecretProtector>().Protect(secret);
        }
        finally
        {
            await other.DisposeAsync();
        }
    }
}
