using System.Text;

namespace GhStats.Domain;

/// <summary>A personal API token for scripts and the SDK. Only its hash is stored.</summary>
/// <param name="Id">Store-assigned identifier.</param>
/// <param name="UserId">The user whose rights the token carries.</param>
/// <param name="Name">A label for people.</param>
/// <param name="TokenHash">The hash of the token; the token itself is shown once and never stored.</param>
/// <param name="CreatedAt">When it was made (UTC).</param>
/// <param name="LastUsedAt">When it was last used (UTC).</param>
/// <param name="ExpiresAt">When it stops working (UTC), if ever.</param>
/// <param name="RevokedAt">When it was revoked (UTC), if it was.</param>
public sealed record ApiToken(
    long Id,
    long UserId,
    string Name,
    string TokenHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt)
{
    /// <summary>Whether the token may be used at <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    /// <returns>False once revoked or expired.</returns>
    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>Prints the record without its hash, so a logged token gives no lookup key away.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", UserId = ").Append(UserId).Append(", Name = ").Append(Name)
            .Append(", TokenHash = ***, CreatedAt = ").Append(CreatedAt).Append(", LastUsedAt = ").Append(LastUsedAt)
            .Append(", ExpiresAt = ").Append(ExpiresAt).Append(", RevokedAt = ").Append(RevokedAt);
        return true;
    }
}
