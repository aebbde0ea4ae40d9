using GhStats.Testing.Browser;
using Xunit;

namespace GhStats.Testing.Tests.Browser;

/// <summary>The tests that share one Chromium and one <see cref="TestSite"/>: launching the browser costs about a second.</summary>
[CollectionDefinition(Name)]
public sealed class SharedChromium : ICollectionFixture<ChromiumFixture>, ICollectionFixture<TestSite>
{
    public const string Name = "Chromium";
}
