using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>Who may see what: tenant memberships, invitations and single-repository grants.</summary>
public interface IMembershipStore
{
    /// <summary>Lists a tenant's members, by email.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The members.</returns>
    Task<IReadOnlyList<TenantMember>> ListMembersAsync(long tenantId, CancellationToken cancellationToken = default);

    /// <summary>Lists the tenants a user belongs to, with the role in each.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The memberships.</returns>
    Task<IReadOnlyList<Membership>> ListMembershipsAsync(long userId, CancellationToken cancellationToken = default);

    /// <summary>Makes a user a member of a tenant, or changes their role; a changed role ends their sessions (<see cref="IUserStore.EndSessionsAsync"/>).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="userId">The user.</param>
    /// <param name="role">The role.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once stored.</returns>
    /// <exception cref="GhStatsNotFoundException">When the tenant or user does not exist.</exception>
    Task SetMemberAsync(long tenantId, long userId, TenantRole role, CancellationToken cancellationToken = default);

    /// <summary>Removes a user from a tenant; when they were a member, their sessions end (<see cref="IUserStore.EndSessionsAsync"/>).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when there was a membership to remove.</returns>
    Task<bool> RemoveMemberAsync(long tenantId, long userId, CancellationToken cancellationToken = default);

    /// <summary>Invites an email to a tenant, or changes the role of a pending invitation.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="email">The email; stored lower-case.</param>
    /// <param name="role">The role the member will get.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invitation.</returns>
    /// <exception cref="ArgumentException">When the email is malformed or too long.</exception>
    /// <exception cref="GhStatsNotFoundException">When the tenant does not exist.</exception>
    Task<Invitation> InviteAsync(long tenantId, string email, TenantRole role, CancellationToken cancellationToken = default);

    /// <summary>Lists a tenant's pending invitations, by email.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invitations.</returns>
    Task<IReadOnlyList<Invitation>> ListInvitationsAsync(long tenantId, CancellationToken cancellationToken = default);

    /// <summary>Lists the pending invitations, in every tenant, for one email (any case).</summary>
    /// <param name="email">The invited email.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invitations.</returns>
    Task<IReadOnlyList<Invitation>> ListInvitationsForEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Withdraws an invitation.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="email">The invited email.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when there was one to withdraw.</returns>
    Task<bool> RevokeInvitationAsync(long tenantId, string email, CancellationToken cancellationToken = default);

    /// <summary>Turns every invitation for a verified email into memberships of the user, in one transaction.</summary>
    /// <param name="userId">The user who signed in.</param>
    /// <param name="verifiedEmail">Their verified email.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The memberships created.</returns>
    Task<IReadOnlyList<Membership>> AcceptInvitationsAsync(long userId, string verifiedEmail, CancellationToken cancellationToken = default);

    /// <summary>Lets a user see one repository.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once stored; granting twice changes nothing.</returns>
    /// <exception cref="GhStatsNotFoundException">When the user or repository does not exist.</exception>
    Task GrantRepositoryAsync(long userId, long repositoryId, CancellationToken cancellationToken = default);

    /// <summary>Withdraws a single-repository grant; when there was one, the user's sessions end (<see cref="IUserStore.EndSessionsAsync"/>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when there was one to withdraw.</returns>
    Task<bool> RevokeRepositoryAsync(long userId, long repositoryId, CancellationToken cancellationToken = default);

    /// <summary>Lists a user's single-repository grants.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The grants.</returns>
    Task<IReadOnlyList<RepositoryGrant>> ListGrantsAsync(long userId, CancellationToken cancellationToken = default);
}
