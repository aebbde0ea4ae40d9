namespace GhStats.Web;

/// <summary>The claims a signed-in identity is read from; defaults are the OpenID Connect standard claims.</summary>
public sealed class GhStatsClaimNames
{
    /// <summary>The identity's stable id at its issuer. Default "sub".</summary>
    public string Subject { get; set; } = "sub";

    /// <summary>The email address. Default "email".</summary>
    public string Email { get; set; } = "email";

    /// <summary>Whether the provider verified the email ("true"/"false"). Default "email_verified".</summary>
    public string EmailVerified { get; set; } = "email_verified";

    /// <summary>The display name. Default "name".</summary>
    public string Name { get; set; } = "name";
}
