using Xunit;

namespace GhStats.Testing.Oidc;

/// <summary>
/// One <see cref="OidcProvider"/> shared by the tests of a class or collection (starting node costs about a second).
/// Tests add clients and accounts with unique ids, so they never see each other's.
/// </summary>
public sealed class OidcProviderFixture : IAsyncLifetime
{
    private OidcProvider? _provider;

    /// <summary>The running provider.</summary>
    public OidcProvider Provider => _provider ?? throw new InvalidOperationException("The provider has not started yet.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _provider = await OidcProvider.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    /// <summary>An account with a unique subject and email (<c>{name}.{id}@example.com</c>), added to the provider.</summary>
    public async Task<OidcAccount> AddAccountAsync(string name, bool emailVerified = true)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var account = new OidcAccount("sub-" + id, $"{name.ToLowerInvariant()}.{id}@example.com", emailVerified, name);
        await Provider.AddAccountAsync(account);
        return account;
    }
}
