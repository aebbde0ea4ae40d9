using GhStats.Testing.Browser;
using Xunit;

namespace GhStats.Web.Tests.Browser;

/// <summary>One Chromium and one world (provider, simulator, app) for every browser test; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<ChromiumFixture>, ICollectionFixture<UiWorld>
{
    public const string Name = "Browser";
}
