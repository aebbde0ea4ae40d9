namespace GhStats.Testing;

/// <summary>A profile made for a test through GhStatsAdministration, with a personal API token for it.</summary>
/// <param name="Id">The profile id.</param>
/// <param name="Email">Its email; the development sign-in with this email claims the same profile.</param>
/// <param name="TokenId">The stored token's id.</param>
/// <param name="Token">A personal API token (<c>ghst_...</c>) with exactly the profile's rights.</param>
public sealed record SeededUser(long Id, string Email, long TokenId, string Token);
