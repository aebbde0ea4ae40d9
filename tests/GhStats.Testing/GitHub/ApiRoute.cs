using System.Globalization;

namespace GhStats.Testing.GitHub;

/// <summary>A request path under <c>/api/v3</c> (or GraphQL's <c>/graphql</c> and <c>/api/graphql</c>) taken apart: which endpoint, and its owner, repository or number.</summary>
internal readonly record struct ApiRoute(
    SimulatedEndpoint Endpoint,
    string? Owner = null,
    string? Name = null,
    long RepositoryId = 0,
    long InstallationId = 0,
    bool Organization = false)
{
    private const string Prefix = "/api/v3/";

    /// <summary>True for the endpoints of one repository, named either by owner and name or by id.</summary>
    public bool IsRepositoryEndpoint => Name is not null || RepositoryId != 0;

    public static ApiRoute Parse(string method, string? path)
    {
        if (path is "/graphql" or "/api/graphql")
        {
            return new ApiRoute(method == "POST" ? SimulatedEndpoint.GraphQL : SimulatedEndpoint.Unknown);
        }

        if (path is null || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return new ApiRoute(SimulatedEndpoint.Unknown);
        }

        var get = method is "GET" or "HEAD";
        var post = method == "POST";
        return path[Prefix.Length..].TrimEnd('/').Split('/') switch
        {
            ["rate_limit"] when get => new ApiRoute(SimulatedEndpoint.RateLimit),
            ["user"] when get => new ApiRoute(SimulatedEndpoint.User),
            ["app"] when get => new ApiRoute(SimulatedEndpoint.App),
            ["repos", var owner, var name] when get => new ApiRoute(SimulatedEndpoint.Repository, owner, name),
            ["orgs", var org, "repos"] when get => new ApiRoute(SimulatedEndpoint.OwnerRepositories, org, Organization: true),
            ["users", var user, "repos"] when get => new ApiRoute(SimulatedEndpoint.OwnerRepositories, user),
            ["repos", var owner, var name, "releases"] when get => new ApiRoute(SimulatedEndpoint.Releases, owner, name),
            ["repositories", var id, "releases"] when get && TryId(id, out var repositoryId) => new ApiRoute(SimulatedEndpoint.Releases, RepositoryId: repositoryId),
            ["repos", var owner, var name, "traffic", "views"] when get => new ApiRoute(SimulatedEndpoint.Views, owner, name),
            ["repos", var owner, var name, "traffic", "clones"] when get => new ApiRoute(SimulatedEndpoint.Clones, owner, name),
            ["repos", var owner, var name, "traffic", "popular", "referrers"] when get => new ApiRoute(SimulatedEndpoint.Referrers, owner, name),
            ["repos", var owner, var name, "traffic", "popular", "paths"] when get => new ApiRoute(SimulatedEndpoint.Paths, owner, name),
            ["repos", var owner, var name, "stargazers"] when get => new ApiRoute(SimulatedEndpoint.Stargazers, owner, name),
            // Octokit's overloads that take a repository id call GitHub's /repositories/{id} alias.
            ["repositories", var id] when get && TryId(id, out var repositoryId) => new ApiRoute(SimulatedEndpoint.Repository, RepositoryId: repositoryId),
            ["repositories", var id, "traffic", "views"] when get && TryId(id, out var repositoryId) => new ApiRoute(SimulatedEndpoint.Views, RepositoryId: repositoryId),
            ["repositories", var id, "traffic", "clones"] when get && TryId(id, out var repositoryId) => new ApiRoute(SimulatedEndpoint.Clones, RepositoryId: repositoryId),
            ["repositories", var id, "traffic", "popular", "referrers"] when get && TryId(id, out var repositoryId) =>
                new ApiRoute(SimulatedEndpoint.Referrers, RepositoryId: repositoryId),
            ["repositories", var id, "traffic", "popular", "paths"] when get && TryId(id, out var repositoryId) =>
                new ApiRoute(SimulatedEndpoint.Paths, RepositoryId: repositoryId),
            ["repositories", var id, "stargazers"] when get && TryId(id, out var repositoryId) => new ApiRoute(SimulatedEndpoint.Stargazers, RepositoryId: repositoryId),
            ["app", "installations", var id, "access_tokens"] when post
                && TryId(id, out var installationId) =>
                new ApiRoute(SimulatedEndpoint.InstallationToken, InstallationId: installationId),
            _ => new ApiRoute(SimulatedEndpoint.Unknown),
        };
    }

    private static bool TryId(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
}
