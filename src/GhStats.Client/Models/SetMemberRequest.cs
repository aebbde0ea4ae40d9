namespace GhStats.Client.Models;

/// <summary>Gives an email a role in a tenant.</summary>
/// <param name="Role"><c>owner</c> or <c>viewer</c>.</param>
public sealed record SetMemberRequest(string Role);
