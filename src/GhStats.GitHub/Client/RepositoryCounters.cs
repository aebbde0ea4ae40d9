namespace GhStats.GitHub.Client;

/// <summary>A repository's counters as GitHub reports them, read by REST (<c>GET /repos/{o}/{r}</c>) or GraphQL alike.</summary>
/// <param name="Stars">Stargazers.</param>
/// <param name="Forks">Forks.</param>
/// <param name="SizeKb">The repository's size in kilobytes (REST <c>size</c>, GraphQL <c>diskUsage</c>).</param>
/// <param name="GitHubId">GitHub's numeric id (REST <c>id</c>, GraphQL <c>databaseId</c>).</param>
/// <param name="Watchers">Watchers, i.e. subscribers (REST <c>subscribers_count</c>), not the star count REST calls <c>watchers</c>.</param>
/// <param name="OpenIssues">Open issues and pull requests together, as REST's <c>open_issues_count</c> counts them.</param>
internal sealed record RepositoryCounters(long GitHubId, int Stars, int Forks, int Watchers, int OpenIssues, long SizeKb);
