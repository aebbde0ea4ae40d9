namespace GhStats.Client.Models;

/// <summary>The outcome of giving an email a role.</summary>
/// <param name="Email">The email, normalized to lower case.</param>
/// <param name="Role"><c>owner</c> or <c>viewer</c>.</param>
/// <param name="Status"><c>member</c> when the email was already a member of the tenant (or is the caller's own), so the role applies at once; else <c>invited</c>: the person joins when they sign in with that email, whether or not they have a profile already.</param>
public sealed record MembershipChange(string Email, string Role, string Status);
