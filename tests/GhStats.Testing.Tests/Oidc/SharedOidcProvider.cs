using GhStats.Testing.Oidc;
using Xunit;

namespace GhStats.Testing.Tests.Oidc;

/// <summary>The tests that share one <see cref="OidcProviderFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedOidcProvider : ICollectionFixture<OidcProviderFixture>
{
    public const string Name = "OpenID Connect provider";
}
