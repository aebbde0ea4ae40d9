namespace GhStats.Client.Models;

/// <summary>The caller: profile, system roles, the tenants it sees with its role in each, and repositories granted one by one.</summary>
/// <param name="Id">The profile's id.</param>
/// <param name="Email">The profile's email, if known.</param>
/// <param name="DisplayName">The name shown for the profile, if known.</param>
/// <param name="SystemRoles">System roles: <c>admin</c>, <c>maintainer</c>.</param>
/// <param name="Tenants">The tenants the caller sees, each with the caller's role in it.</param>
/// <param name="GrantedRepositoryIds">Repositories the caller may read through a grant of that repository alone.</param>
/// <param name="DevelopmentSignIn">Whether the caller signed in through the development sign-in.</param>
/// <param name="AntiforgeryToken">The session's antiforgery token; null for a caller with a personal API token, which needs none.</param>
public sealed record CurrentUser(
    long Id,
    string? Email,
    string? DisplayName,
    IReadOnlyList<string> SystemRoles,
    IReadOnlyList<Tenant> Tenants,
    IReadOnlyList<long> GrantedRepositoryIds,
    bool DevelopmentSignIn,
    string? AntiforgeryToken)
{
    /// <summary>The language the caller chose (<c>en</c>, <c>de</c>, <c>fr</c>, <c>es</c>, <c>pt-BR</c>, <c>ja</c>), or null for none: pages follow the browser, digests and alerts are in English.</summary>
    public string? Language { get; init; }

    /// <summary>Shows the caller without the session's antiforgery token, so logging it leaks nothing.</summary>
    /// <returns>The record's fields, the antiforgery token redacted.</returns>
    public override string ToString() =>
        $"{nameof(CurrentUser)} {{ Id = {Id}, Email = {Email}, DisplayName = {DisplayName}, DevelopmentSignIn = {DevelopmentSignIn}, Language = {Language}, AntiforgeryToken = {(AntiforgeryToken is null ? "" : "***")} }}";
}
