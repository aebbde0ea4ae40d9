namespace GhStats.Testing.Oidc;

/// <summary>
/// A relying party registered with the test provider: a confidential client for the authorization code flow
/// (response type <c>code</c>, PKCE with S256 required), authenticating at the token endpoint with
/// <c>client_secret_basic</c> or <c>client_secret_post</c>. Plain-http loopback redirect URIs are accepted.
/// </summary>
/// <param name="ClientId">The <c>client_id</c>.</param>
/// <param name="ClientSecret">The <c>client_secret</c>.</param>
/// <param name="RedirectUris">Where the provider may send the authorization response, e.g. <c>http://127.0.0.1:5099/signin-oidc</c>.</param>
/// <param name="PostLogoutRedirectUris">Where the provider may return after sign-out, e.g. <c>http://127.0.0.1:5099/signout-callback-oidc</c>; none when null.</param>
public sealed record OidcClient(
    string ClientId,
    string ClientSecret,
    IReadOnlyList<Uri> RedirectUris,
    IReadOnlyList<Uri>? PostLogoutRedirectUris = null);
