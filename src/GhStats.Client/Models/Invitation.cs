namespace GhStats.Client.Models;

/// <summary>A role given to an email that no profile has signed in with yet.</summary>
/// <param name="Email">The invited email.</param>
/// <param name="Role"><c>owner</c> or <c>viewer</c>.</param>
/// <param name="CreatedAt">When the invitation was made (UTC).</param>
public sealed record Invitation(string Email, string Role, DateTimeOffset CreatedAt);
