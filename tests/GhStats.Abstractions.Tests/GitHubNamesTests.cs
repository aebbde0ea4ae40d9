using Shouldly;
using Xunit;

namespace GhStats.Abstractions.Tests;

public sealed class GitHubNamesTests
{
    [Theory]
    [InlineData("dotnet/runtime", "dotnet", "runtime")]
    [InlineData("octo-org/Hello.World_2", "octo-org", "Hello.World_2")]
    [InlineData("a/.github", "a", ".github")]
    public void TryParseFullName_SplitsValidNames(string fullName, string owner, string name)
    {
        GitHubNames.TryParseFullName(fullName, out var parsedOwner, out var parsedName).ShouldBeTrue();

        parsedOwner.ShouldBe(owner);
        parsedName.ShouldBe(name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("noslash")]
    [InlineData("a/b/c")]
    [InlineData("/repo")]
    [InlineData("owner/")]
    [InlineData("own er/repo")]
    [InlineData("owner/..")]
    [InlineData("-owner/repo")]
    [InlineData("owner/re po")]
    [InlineData("owner/<script>alert(1)</script>")]
    [InlineData("owner\n/repo")]
    [InlineData("owner/repo\n")]
    public void TryParseFullName_RefusesNamesOutsideGitHubsRules(string? fullName)
    {
        GitHubNames.TryParseFullName(fullName, out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void NameLengths_FollowGitHubsLimits()
    {
        GitHubNames.IsValidOwner(new string('a', 39)).ShouldBeTrue();
        GitHubNames.IsValidOwner(new string('a', 40)).ShouldBeFalse();
        GitHubNames.IsValidRepositoryName(new string('r', 100)).ShouldBeTrue();
        GitHubNames.IsValidRepositoryName(new string('r', 101)).ShouldBeFalse();
    }
}
