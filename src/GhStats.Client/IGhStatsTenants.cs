using GhStats.Client.Models;
using Refit;

namespace GhStats.Client;

/// <summary>Tenants, their members and invitations, and their GitHub connections: <c>/api/v1/tenants</c>.</summary>
public interface IGhStatsTenants
{
    /// <summary>The tenants the caller sees.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenants, each with the caller's role.</returns>
    [Get("/api/v1/tenants")]
    Task<IReadOnlyList<Tenant>> ListTenantsAsync(CancellationToken cancellationToken = default);

    /// <summary>One tenant the caller sees; any other answers 404.</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenant.</returns>
    [Get("/api/v1/tenants/{tenant}")]
    Task<Tenant> GetTenantAsync(string tenant, CancellationToken cancellationToken = default);

    /// <summary>Creates a tenant (system admins only; 409 if the slug exists).</summary>
    /// <param name="request">The slug and name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new tenant.</returns>
    [Post("/api/v1/tenants")]
    Task<Tenant> CreateTenantAsync([Body] CreateTenantRequest request, CancellationToken cancellationToken = default);

    /// <summary>Renames a tenant (its owners).</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="request">The new name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The renamed tenant.</returns>
    [Put("/api/v1/tenants/{tenant}")]
    Task<Tenant> UpdateTenantAsync(string tenant, [Body] UpdateTenantRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a tenant and everything it tracked (system admins only).</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>When the tenant is gone.</returns>
    [Delete("/api/v1/tenants/{tenant}")]
    Task DeleteTenantAsync(string tenant, CancellationToken cancellationToken = default);

    /// <summary>A tenant's members and pending invitations (its owners).</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Members and invitations.</returns>
    [Get("/api/v1/tenants/{tenant}/members")]
    Task<TenantMembers> ListMembersAsync(string tenant, CancellationToken cancellationToken = default);

    /// <summary>Gives an email a role in a tenant (its owners): at once for a member of the tenant or the caller, else by an invitation the person accepts by signing in.</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="email">The member's email.</param>
    /// <param name="request">The role.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the email is a member now or invited.</returns>
    [Put("/api/v1/tenants/{tenant}/members/{email}")]
    Task<MembershipChange> SetMemberAsync(string tenant, string email, [Body] SetMemberRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes a member or withdraws an invitation (its owners; a tenant keeps its last owner, else 409).</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="email">The member's or invitee's email.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>When the role is gone.</returns>
    [Delete("/api/v1/tenants/{tenant}/members/{email}")]
    Task RemoveMemberAsync(string tenant, string email, CancellationToken cancellationToken = default);

    /// <summary>A tenant's GitHub connections, without their secrets (its owners).</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connections.</returns>
    [Get("/api/v1/tenants/{tenant}/connections")]
    Task<IReadOnlyList<GitHubConnection>> ListConnectionsAsync(string tenant, CancellationToken cancellationToken = default);

    /// <summary>Adds a GitHub connection (its owners); the secret is stored encrypted and never returned.</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="request">The connection, e.g. <see cref="CreateConnectionRequest.PersonalAccessToken"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connection, without its secret.</returns>
    [Post("/api/v1/tenants/{tenant}/connections")]
    Task<GitHubConnection> CreateConnectionAsync(string tenant, [Body] CreateConnectionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a GitHub connection (its owners).</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="id">The connection's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>When the connection is gone.</returns>
    [Delete("/api/v1/tenants/{tenant}/connections/{id}")]
    Task DeleteConnectionAsync(string tenant, long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tests a GitHub connection (its owners): whether GitHub answers and accepts it, who it acts as, its scopes and rate
    /// limit, and whether it can read traffic of a repository tracked through it, with findings of what it lacks.
    /// </summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="id">The connection's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What the test found.</returns>
    [Post("/api/v1/tenants/{tenant}/connections/{id}/test")]
    Task<ConnectionCheck> TestConnectionAsync(string tenant, long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The tenant's collection plan (its owners): per connection, its hourly limit, how many repositories it keeps at hourly
    /// and at daily freshness, and how many calls the next UTC day needs, worst case (every answer changed).
    /// </summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The plan.</returns>
    [Get("/api/v1/tenants/{tenant}/collection-plan")]
    Task<CollectionPlan> GetCollectionPlanAsync(string tenant, CancellationToken cancellationToken = default);

    /// <summary>Lists the owners whose repositories the tenant tracks as a whole (its owners).</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tracked owners.</returns>
    [Get("/api/v1/tenants/{tenant}/owners")]
    Task<IReadOnlyList<TrackedOwner>> ListOwnersAsync(string tenant, CancellationToken cancellationToken = default);

    /// <summary>Tracks every repository of a GitHub user or organisation that passes the filters (its owners).</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="request">The owner and the filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tracked owner.</returns>
    [Post("/api/v1/tenants/{tenant}/owners")]
    Task<TrackedOwner> TrackOwnerAsync(string tenant, [Body] TrackOwnerRequest request, CancellationToken cancellationToken = default);

    /// <summary>Stops tracking an owner as a whole (its owners); the repositories found so far stay tracked.</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="id">The tracked owner's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>When it is no longer tracked.</returns>
    [Delete("/api/v1/tenants/{tenant}/owners/{id}")]
    Task RemoveOwnerAsync(string tenant, long id, CancellationToken cancellationToken = default);
}
