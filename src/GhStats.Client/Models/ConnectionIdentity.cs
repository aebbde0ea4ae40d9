namespace GhStats.Client.Models;

/// <summary>Who a connection acts as: a user's login for a token; the App's slug, id and installation for an App.</summary>
/// <param name="Login">The user's login, for a token.</param>
/// <param name="AppSlug">The App's slug, for an App.</param>
/// <param name="AppId">The App's id, for an App.</param>
/// <param name="InstallationId">The installation's id, for an App.</param>
public sealed record ConnectionIdentity(string? Login, string? AppSlug, long? AppId, long? InstallationId);
