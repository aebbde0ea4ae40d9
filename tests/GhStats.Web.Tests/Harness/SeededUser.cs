using GhStats.Administration;

namespace GhStats.Web.Tests.Harness;

/// <summary>A profile made through <see cref="GhStatsAdministration"/>, with a personal API token for it.</summary>
/// <param name="Id">The profile id.</param>
/// <param name="Email">Its email; the development sign-in with this email claims the same profile.</param>
/// <param name="Token">A personal API token (<c>ghst_...</c>) with exactly the profile's rights.</param>
public sealed record SeededUser(long Id, string Email, string Token);
