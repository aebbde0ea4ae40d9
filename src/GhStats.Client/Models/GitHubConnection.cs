namespace GhStats.Client.Models;

/// <summary>A tenant's connection to GitHub; its token or private key is never returned.</summary>
/// <param name="Id">The connection's id.</param>
/// <param name="Name">A label for people.</param>
/// <param name="Kind"><c>pat</c> (a personal access token) or <c>app</c> (a GitHub App installation).</param>
/// <param name="ApiBaseUrl">The GitHub API it calls: https://api.github.com, or a GitHub Enterprise Server address.</param>
/// <param name="AppId">The GitHub App's id, for an <c>app</c> connection.</param>
/// <param name="InstallationId">The App installation's id, for an <c>app</c> connection.</param>
/// <param name="CreatedAt">When it was added (UTC).</param>
public sealed record GitHubConnection(
    long Id,
    string Name,
    string Kind,
    string ApiBaseUrl,
    long? AppId,
    long? InstallationId,
    DateTimeOffset CreatedAt);
