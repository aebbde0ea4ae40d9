namespace GhStats.Testing.Oidc;

/// <summary>
/// A person who can sign in at the test provider, by typing either <paramref name="Subject"/> or
/// <paramref name="Email"/> (case-insensitive) into its login form. With the scopes <c>openid email profile</c>,
/// the id_token and the userinfo response carry <c>sub</c>, <c>email</c>, <c>email_verified</c> and <c>name</c>.
/// </summary>
/// <param name="Subject">The <c>sub</c> claim: stable and unique per account.</param>
/// <param name="Email">The <c>email</c> claim.</param>
/// <param name="EmailVerified">The <c>email_verified</c> claim, a JSON boolean.</param>
/// <param name="Name">The <c>name</c> claim.</param>
public sealed record OidcAccount(string Subject, string Email, bool EmailVerified, string Name);
