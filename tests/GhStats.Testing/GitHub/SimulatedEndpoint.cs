namespace GhStats.Testing.GitHub;

/// <summary>The kinds of request the simulator counts separately in <see cref="SimulatorStats"/>.</summary>
public enum SimulatedEndpoint
{
    /// <summary><c>GET /repos/{owner}/{repo}/traffic/views</c>.</summary>
    Views,

    /// <summary><c>GET /repos/{owner}/{repo}/traffic/clones</c>.</summary>
    Clones,

    /// <summary><c>GET /repos/{owner}/{repo}/traffic/popular/referrers</c>.</summary>
    Referrers,

    /// <summary><c>GET /repos/{owner}/{repo}/traffic/popular/paths</c>.</summary>
    Paths,

    /// <summary><c>GET /repos/{owner}/{repo}</c>.</summary>
    Repository,

    /// <summary><c>GET /orgs/{org}/repos</c> and <c>GET /users/{user}/repos</c>.</summary>
    OwnerRepositories,

    /// <summary><c>POST /app/installations/{id}/access_tokens</c>.</summary>
    InstallationToken,

    /// <summary><c>GET /rate_limit</c>.</summary>
    RateLimit,

    /// <summary><c>GET /user</c>: the user a personal access token belongs to.</summary>
    User,

    /// <summary><c>GET /app</c>: the GitHub App its JWT signs for.</summary>
    App,

    /// <summary><c>GET /repos/{owner}/{repo}/stargazers</c>: plain users, or with <c>application/vnd.github.star+json</c> each star with its date.</summary>
    Stargazers,
    /// <summary><c>GET /repos/{owner}/{repo}/releases</c>.</summary>
    Releases,

    /// <summary>
    /// <c>POST /graphql</c> (github.com's <c>api.github.com/graphql</c>) and <c>POST /api/graphql</c> (GitHub Enterprise
    /// Server): GraphQL queries, counted here apart from the REST calls, whether or not GraphQL is switched on.
    /// </summary>
    GraphQL,

    /// <summary>Any other path: answered 404.</summary>
    Unknown,
}
