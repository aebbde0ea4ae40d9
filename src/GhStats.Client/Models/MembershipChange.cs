namespace GhStats.Client.Models;

/// <summary>The outcome of giving an email a role.</summary>
/// <param name="Email">The email, normalized to lower case.</param>
/// <param name="Role"><c>owner</c> or <c>viewer</c>.</param>
/// <param name="Status"><c>member</c> when a profile has that email, else <c>invited</c>.</param>
public sealed record MembershipChange(string Email, string Role, string Status);
