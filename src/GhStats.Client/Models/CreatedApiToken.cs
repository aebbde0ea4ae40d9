namespace GhStats.Client.Models;

/// <summary>A personal API token just made: copy <see cref="Token"/> now, the server never shows it again.</summary>
/// <param name="Id">The token's id.</param>
/// <param name="Name">What the token is for.</param>
/// <param name="Token">The token itself (<c>ghst_...</c>).</param>
/// <param name="CreatedAt">When it was made (UTC).</param>
/// <param name="ExpiresAt">When it stops working (UTC).</param>
public sealed record CreatedApiToken(long Id, string Name, string Token, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt)
{
    /// <summary>Names the token without its secret, so logging the record leaks nothing.</summary>
    /// <returns>The record's fields, the token redacted.</returns>
    public override string ToString() => $"{nameof(CreatedApiToken)} {{ Id = {Id}, Name = {Name}, Token = ***, CreatedAt = {CreatedAt:O}, ExpiresAt = {ExpiresAt:O} }}";
}
