namespace GhStats.GitHub.Client;

/// <summary>
/// The template of a GitHub API path, e.g. <c>/repos/{owner}/{repo}/traffic/views</c>, for telemetry: concrete owners,
/// names and ids would make a series per repository.
/// </summary>
internal static class GitHubEndpoint
{
    /// <summary>What every path GhStats does not call is reported as.</summary>
    public const string Other = "other";

    public static string Template(Uri? requestUri, Uri baseAddress)
    {
        if (requestUri is null || !requestUri.IsAbsoluteUri)
        {
            return Other;
        }

        var path = requestUri.AbsolutePath;
        if (requestUri.AbsolutePath == GitHubGraphQLCounters.EndpointFor(baseAddress).AbsolutePath)
        {
            return "/graphql";
        }

        var root = baseAddress.AbsolutePath;
        if (!path.StartsWith(root, StringComparison.OrdinalIgnoreCase))
        {
            return Other;
        }

        return path[root.Length..].TrimEnd('/').Split('/') switch
        {
            ["user"] => "/user",
            ["app"] => "/app",
            ["rate_limit"] => "/rate_limit",
            ["app", "installations", _, "access_tokens"] => "/app/installations/{installation_id}/access_tokens",
            ["orgs", _, "repos"] => "/orgs/{org}/repos",
            ["users", _, "repos"] => "/users/{username}/repos",
            ["repos", _, _] => "/repos/{owner}/{repo}",
            ["repos", _, _, "traffic", "views"] => "/repos/{owner}/{repo}/traffic/views",
            ["repos", _, _, "traffic", "clones"] => "/repos/{owner}/{repo}/traffic/clones",
            ["repos", _, _, "traffic", "popular", "referrers"] => "/repos/{owner}/{repo}/traffic/popular/referrers",
            ["repos", _, _, "traffic", "popular", "paths"] => "/repos/{owner}/{repo}/traffic/popular/paths",
            ["repos", _, _, "stargazers"] => "/repos/{owner}/{repo}/stargazers",
            ["repositories", _] => "/repositories/{id}",
            ["repositories", _, "traffic", "views"] => "/repositories/{id}/traffic/views",
            ["repositories", _, "traffic", "clones"] => "/repositories/{id}/traffic/clones",
            ["repositories", _, "traffic", "popular", "referrers"] => "/repositories/{id}/traffic/popular/referrers",
            ["repositories", _, "traffic", "popular", "paths"] => "/repositories/{id}/traffic/popular/paths",
            _ => Other,
        };
    }
}
