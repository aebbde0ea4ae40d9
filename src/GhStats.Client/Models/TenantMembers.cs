namespace GhStats.Client.Models;

/// <summary>A tenant's members and its pending invitations.</summary>
/// <param name="Members">People with a role in the tenant.</param>
/// <param name="Invitations">Emails given a role that have not signed in yet.</param>
public sealed record TenantMembers(IReadOnlyList<TenantMember> Members, IReadOnlyList<Invitation> Invitations);
