using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>
/// The entity tags of GitHub's answers, per repository, connection and read, for the collector's conditional requests.
/// Not scoped to a tenant: only the collector reads and writes them. Purging a repository or deleting its tenant deletes them.
/// </summary>
public interface IGitHubETagStore
{
    /// <summary>Reads the tags kept for a repository and a connection.</summary>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="connectionId">The connection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tags, one per read; empty when none is kept.</returns>
    Task<IReadOnlyList<GitHubETag>> ListAsync(long repositoryId, long connectionId, CancellationToken cancellationToken = default);

    /// <summary>Saves tags, replacing the tag and day kept for the same repository, connection and read, in one transaction.</summary>
    /// <param name="etags">The tags.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is written then.</param>
    /// <exception cref="GhStatsNotFoundException">When a repository does not exist.</exception>
    /// <exception cref="ArgumentException">When a read name or tag is empty or longer than <see cref="FieldLimits"/> allows.</exception>
    Task SaveAsync(IReadOnlyCollection<GitHubETag> etags, CancellationToken cancellationToken = default);
}
