using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>A tenant's GitHub connections. Secrets arrive and leave encrypted; the store never decrypts them.</summary>
public interface IConnectionStore
{
    /// <summary>Adds a connection.</summary>
    /// <param name="connection">What to add.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored connection.</returns>
    /// <exception cref="ArgumentException">When a value is missing, malformed or too long, or an App lacks its ids.</exception>
    /// <exception cref="GhStatsNotFoundException">When the tenant does not exist.</exception>
    Task<GitHubConnection> AddAsync(NewGitHubConnection connection, CancellationToken cancellationToken = default);

    /// <summary>Reads a connection of a tenant.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="connectionId">The connection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="GhStatsNotFoundException">When it is not in the tenant.</exception>
    Task<GitHubConnection> GetAsync(long tenantId, long connectionId, CancellationToken cancellationToken = default);

    /// <summary>Lists a tenant's connections, oldest first.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connections.</returns>
    Task<IReadOnlyList<GitHubConnection>> ListAsync(long tenantId, CancellationToken cancellationToken = default);

    /// <summary>Replaces a connection's encrypted secret (a rotated token).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="connectionId">The connection.</param>
    /// <param name="protectedSecret">The new secret, encrypted by the caller.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once stored.</returns>
    /// <exception cref="GhStatsNotFoundException">When it is not in the tenant.</exception>
    Task UpdateSecretAsync(long tenantId, long connectionId, string protectedSecret, CancellationToken cancellationToken = default);

    /// <summary>Deletes a connection; repositories that used it keep their data and lose the connection.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="connectionId">The connection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once deleted.</returns>
    /// <exception cref="GhStatsNotFoundException">When it is not in the tenant.</exception>
    Task DeleteAsync(long tenantId, long connectionId, CancellationToken cancellationToken = default);
}
