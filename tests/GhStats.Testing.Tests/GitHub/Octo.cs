using GhStats.Testing.GitHub;
using Octokit;

namespace GhStats.Testing.Tests.GitHub;

/// <summary>Real Octokit clients pointed at a simulator, exactly as the collector builds them.</summary>
internal static class Octo
{
    public static GitHubClient Anonymous(GitHubSimulator simulator) =>
        new(new ProductHeaderValue("ghstats"), new Uri(simulator.BaseAddress));

    public static GitHubClient WithToken(GitHubSimulator simulator, string token) =>
        new(new ProductHeaderValue("ghstats"), new Uri(simulator.BaseAddress)) { Credentials = new Credentials(token) };

    public static GitHubClient WithJwt(GitHubSimulator simulator, string jwt) =>
        new(new ProductHeaderValue("ghstats"), new Uri(simulator.BaseAddress)) { Credentials = new Credentials(jwt, AuthenticationType.Bearer) };

    public static RepositoryTrafficRequest Daily => new(TrafficDayOrWeek.Day);

    public static RepositoryTrafficRequest Weekly => new(TrafficDayOrWeek.Week);
}
