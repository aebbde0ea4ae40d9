using System.Net;

namespace GhStats.Testing.Oidc;

/// <summary>
/// Where an <see cref="OidcSignInDriver"/> run stopped: the first response that was neither a redirect nor a page
/// the driver knows how to get past, usually the relying party's page after sign-in.
/// </summary>
/// <param name="StatusCode">The final response's status.</param>
/// <param name="Uri">The final request's address.</param>
/// <param name="Body">The final response's body as text.</param>
/// <param name="Steps">Every request made, in order, starting with the start address (as "METHOD uri").</param>
/// <param name="IsLoginForm">True when the run stopped at the provider's login form: no login was given, or the one given was refused.</param>
/// <param name="LoginError">The login form's error message when a login was refused; otherwise null.</param>
public sealed record OidcSignInResult(
    HttpStatusCode StatusCode,
    Uri Uri,
    string Body,
    IReadOnlyList<string> Steps,
    bool IsLoginForm,
    string? LoginError);
