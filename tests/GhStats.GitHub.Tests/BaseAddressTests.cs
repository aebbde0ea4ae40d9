using GhStats.GitHub.Client;
using Shouldly;
using Xunit;

namespace GhStats.GitHub.Tests;

public sealed class BaseAddressTests
{
    [Theory]
    [InlineData("https://api.github.com", "https://api.github.com/")]
    [InlineData("https://api.github.com/", "https://api.github.com/")]
    [InlineData("https://github.com", "https://api.github.com/")]
    [InlineData("https://ghe.example.com", "https://ghe.example.com/api/v3/")]
    [InlineData("https://ghe.example.com/api/v3", "https://ghe.example.com/api/v3/")]
    [InlineData("https://ghe.example.com/api/v3/", "https://ghe.example.com/api/v3/")]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/api/v3/")]
    public void BaseAddress_IsGitHubDotComsApi_OrTheEnterpriseServersApiV3(string configured, string expected)
    {
        GitHubSessionFactory.BaseAddress(configured).ShouldBe(new Uri(expected));
    }

    [Theory]
    [InlineData("https://api.github.com", "https://api.github.com/graphql")]
    [InlineData("https://github.com", "https://api.github.com/graphql")]
    [InlineData("https://ghe.example.com", "https://ghe.example.com/api/graphql")]
    [InlineData("https://ghe.example.com/api/v3/", "https://ghe.example.com/api/graphql")]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/api/graphql")]
    public void GraphQL_IsAtGitHubDotComsGraphQL_OrTheEnterpriseServersApiGraphQL(string configured, string expected)
    {
        var baseAddress = GitHubSessionFactory.BaseAddress(configured);

        GitHubGraphQLCounters.EndpointFor(baseAddress).ShouldBe(new Uri(expected));
        GitHubEndpoint.Template(new Uri(expected), baseAddress).ShouldBe("/graphql", "a GraphQL call's telemetry names it");
        GitHubEndpoint.Template(new Uri(new Uri(expected), "/api/v3/graphql"), baseAddress).ShouldBe("other");
    }
}
