using Octokit;

namespace GhStats.GitHub.Client;

/// <summary>One GitHub connection's client for one run: Octokit over the GitHub HTTP client, plus what the run learned about the connection.</summary>
internal sealed class GitHubSession(long connectionId, IGitHubClient client, GitHubApiBudget budget, IEnumerable<IDisposable> resources) : IDisposable
{
    /// <summary>The GitHub connection the session calls with.</summary>
    public long ConnectionId { get; } = connectionId;

    private int _refused;
    private string? _graphQLOff;

    public IGitHubClient Client { get; } = client;

    public GitHubApiBudget Budget { get; } = budget;

    /// <summary>The GitHub App installation's credentials, for an App connection; null for a token.</summary>
    public AppInstallationCredentials? Installation { get; init; }

    /// <summary>
    /// The HTTP client for the connection's GraphQL calls: the same handler chain as the REST calls (authentication, retries,
    /// guard), paced on a budget of its own, since GitHub limits GraphQL points apart from REST requests.
    /// </summary>
    public HttpClient? GraphQL { get; init; }

    /// <summary>Where <see cref="GraphQL"/> posts: <c>https://api.github.com/graphql</c> or <c>{host}/api/graphql</c>.</summary>
    public Uri? GraphQLEndpoint { get; init; }

    /// <summary>Why the connection's counters are read with REST for the rest of the run; null while GraphQL serves them.</summary>
    public string? GraphQLOffBecause => Volatile.Read(ref _graphQLOff);

    /// <summary>Reads the connection's counters with REST for the rest of the run; the first reason stays.</summary>
    public bool TurnGraphQLOff(string reason) => Interlocked.CompareExchange(ref _graphQLOff, reason, null) is null;

    /// <summary>Why the connection cannot be used in this run (a refused token, an undecryptable secret), once known.</summary>
    public string? RefusedBecause { get; private set; }

    /// <summary>Marks the connection as unusable for the rest of the run, so its other repositories fail without calling GitHub.</summary>
    public void Refuse(string reason)
    {
        if (Interlocked.Exchange(ref _refused, 1) == 0)
        {
            RefusedBecause = reason;
        }
    }

    public void Dispose()
    {
        foreach (var resource in resources)
        {
            resource.Dispose();
        }
    }
}
