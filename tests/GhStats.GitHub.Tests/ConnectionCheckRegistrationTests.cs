using GhStats.Domain;
using GhStats.GitHub.Checks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.GitHub.Tests;

public sealed class ConnectionCheckRegistrationTests
{
    [Fact]
    public void AddGitHubCollector_RegistersTheConnectionCheck_Once()
    {
        var services = new ServiceCollection();
        var builder = new GhStatsBuilder(services, new ConfigurationBuilder().Build());

        builder.AddGitHubCollector();
        builder.AddGitHubCollector();

        services.Where(d => d.ServiceType == typeof(IGitHubConnectionCheck)).ShouldHaveSingleItem().ImplementationType.ShouldBe(typeof(GitHubConnectionCheck));
    }

    [Fact]
    public void AConnectionCheckTheHostRegistered_IsKept()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IGitHubConnectionCheck, HostCheck>();

        new GhStatsBuilder(services, new ConfigurationBuilder().Build()).AddGitHubCollector();

        services.Where(d => d.ServiceType == typeof(IGitHubConnectionCheck)).ShouldHaveSingleItem().ImplementationType.ShouldBe(typeof(HostCheck));
    }

    private sealed class HostCheck : IGitHubConnectionCheck
    {
        public Task<ConnectionCheckResult> CheckAsync(GitHubConnection connection, IReadOnlyList<string> repositoriesToTry, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
