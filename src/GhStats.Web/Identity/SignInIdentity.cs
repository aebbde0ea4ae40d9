namespace GhStats.Web.Identity;

/// <summary>Who an identity provider (or the embedding app) says signed in.</summary>
/// <param name="Issuer">The issuer of the identity.</param>
/// <param name="Subject">The identity's id at that issuer.</param>
/// <param name="Email">The email the provider gave, if any.</param>
/// <param name="EmailVerified">Whether the provider verified that email.</param>
/// <param name="DisplayName">The name to show.</param>
internal sealed record SignInIdentity(string Issuer, string Subject, string? Email, bool EmailVerified, string? DisplayName)
{
    /// <summary>The email, only when verified: the only kind that may bind a profile.</summary>
    public string? VerifiedEmail => EmailVerified && !string.IsNullOrWhiteSpace(Email) ? Email.Trim() : null;
}
