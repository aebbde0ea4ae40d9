namespace GhStats.Client.Models;

/// <summary>
/// Adds a GitHub connection to a tenant: <see cref="PersonalAccessToken"/> or <see cref="App"/> build one. The secret
/// goes to the server and never comes back.
/// </summary>
/// <param name="Name">A label for people; null for "GitHub token" or "GitHub App".</param>
/// <param name="Kind"><c>pat</c> or <c>app</c>.</param>
/// <param name="ApiBaseUrl">The GitHub API to call; null for https://api.github.com, else a GitHub Enterprise Server address.</param>
/// <param name="Token">For <c>pat</c>: the token (classic with the repo scope, or fine-grained with Administration: read).</param>
/// <param name="AppId">For <c>app</c>: the GitHub App's id.</param>
/// <param name="InstallationId">For <c>app</c>: the installation's id.</param>
/// <param name="PrivateKey">For <c>app</c>: the App's private key, PEM.</param>
public sealed record CreateConnectionRequest(
    string? Name,
    string Kind,
    string? ApiBaseUrl,
    string? Token,
    long? AppId,
    long? InstallationId,
    string? PrivateKey)
{
    /// <summary>A connection through a personal access token.</summary>
    /// <param name="token">The GitHub token.</param>
    /// <param name="name">A label for people.</param>
    /// <param name="apiBaseUrl">null for github.com, else the GitHub Enterprise Server address.</param>
    /// <returns>The request.</returns>
    public static CreateConnectionRequest PersonalAccessToken(string token, string? name = null, string? apiBaseUrl = null) =>
        new(name, "pat", apiBaseUrl, token, null, null, null);

    /// <summary>A connection through a GitHub App installation.</summary>
    /// <param name="appId">The App's id.</param>
    /// <param name="installationId">The installation's id.</param>
    /// <param name="privateKey">The App's private key, PEM.</param>
    /// <param name="name">A label for people.</param>
    /// <param name="apiBaseUrl">null for github.com, else the GitHub Enterprise Server address.</param>
    /// <returns>The request.</returns>
    public static CreateConnectionRequest App(long appId, long installationId, string privateKey, string? name = null, string? apiBaseUrl = null) =>
        new(name, "app", apiBaseUrl, null, appId, installationId, privateKey);

    /// <summary>Shows the request without its secrets, so logging it leaks nothing.</summary>
    /// <returns>The record's fields, token and private key redacted.</returns>
    public override string ToString() =>
        $"{nameof(CreateConnectionRequest)} {{ Name = {Name}, Kind = {Kind}, ApiBaseUrl = {ApiBaseUrl}, Token = {(Token is null ? "" : "***")}, AppId = {AppId}, InstallationId = {InstallationId}, PrivateKey = {(PrivateKey is null ? "" : "***")} }}";
}
