namespace GhStats.Domain;

/// <summary>Who a GitHub connection acts as.</summary>
/// <param name="Login">The user's login, for a personal access token.</param>
/// <param name="AppSlug">The App's slug, for a GitHub App.</param>
/// <param name="AppId">The App id, for a GitHub App.</param>
/// <param name="InstallationId">The installation id, for a GitHub App.</param>
public sealed record GitHubIdentity(string? Login, string? AppSlug = null, long? AppId = null, long? InstallationId = null);
