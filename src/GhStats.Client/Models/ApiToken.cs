namespace GhStats.Client.Models;

/// <summary>A personal API token; the token itself is shown only once, when it is made.</summary>
/// <param name="Id">The token's id, for <see cref="IGhStatsAccount.RevokeTokenAsync"/>.</param>
/// <param name="Name">What the token is for.</param>
/// <param name="CreatedAt">When it was made (UTC).</param>
/// <param name="LastUsedAt">When it was last used (UTC), to the minute.</param>
/// <param name="ExpiresAt">When it stops working (UTC).</param>
/// <param name="RevokedAt">When it was revoked (UTC), if it was.</param>
public sealed record ApiToken(
    long Id,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt);
