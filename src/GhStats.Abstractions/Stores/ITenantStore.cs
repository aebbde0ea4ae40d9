using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>Tenants.</summary>
public interface ITenantStore
{
    /// <summary>Creates a tenant.</summary>
    /// <param name="slug">Unique short name: lower-case letters, digits and hyphens.</param>
    /// <param name="name">Display name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenant.</returns>
    /// <exception cref="ArgumentException">When the slug or name is empty, malformed or too long.</exception>
    /// <exception cref="GhStatsConflictException">When the slug is taken.</exception>
    Task<Tenant> CreateAsync(string slug, string name, CancellationToken cancellationToken = default);

    /// <summary>Reads a tenant.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenant.</returns>
    /// <exception cref="GhStatsNotFoundException">When it does not exist.</exception>
    Task<Tenant> GetAsync(long tenantId, CancellationToken cancellationToken = default);

    /// <summary>Finds a tenant by slug.</summary>
    /// <param name="slug">The slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenant, or null.</returns>
    Task<Tenant?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>Lists every tenant, by slug.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenants.</returns>
    Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Renames a tenant.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="name">The new display name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The renamed tenant.</returns>
    /// <exception cref="GhStatsNotFoundException">When it does not exist.</exception>
    Task<Tenant> RenameAsync(long tenantId, string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes a tenant with everything it holds: repositories and their data, connections, members, invitations.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once deleted.</returns>
    /// <exception cref="GhStatsNotFoundException">When it does not exist.</exception>
    Task DeleteAsync(long tenantId, CancellationToken cancellationToken = default);
}
