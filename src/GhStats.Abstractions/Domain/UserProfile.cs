namespace GhStats.Domain;

/// <summary>A person known to GhStats, identified by the issuer and subject of their sign-in.</summary>
/// <param name="Id">Store-assigned identifier.</param>
/// <param name="Issuer">The OpenID Connect issuer (or the embedding app's scheme) that vouches for the subject.</param>
/// <param name="Subject">The stable subject identifier within the issuer.</param>
/// <param name="Email">The verified email, when known.</param>
/// <param name="DisplayName">A name to show.</param>
/// <param name="CreatedAt">When the profile was created (UTC).</param>
/// <param name="LastLoginAt">The last sign-in (UTC), if any.</param>
public sealed record UserProfile(
    long Id,
    string Issuer,
    string Subject,
    string? Email,
    string? DisplayName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt)
{
    /// <summary>
    /// The language the person chose (one of <see cref="GhStatsLanguages.Supported"/>), or null when they have not chosen;
    /// pages then follow the browser, and digests and alerts use <see cref="GhStatsLanguages.Default"/>.
    /// </summary>
    public string? Language { get; init; }
}
