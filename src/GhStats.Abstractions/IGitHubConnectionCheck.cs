using GhStats.Domain;

namespace GhStats;

/// <summary>
/// Tells whether a GitHub connection works for GhStats: GitHub reachable, credentials accepted, who they act as, the rate
/// limit left, and whether traffic can be read. Implemented by the GitHub collector (<c>AddGitHubCollector()</c>), called
/// by the web module's "test connection".
/// </summary>
public interface IGitHubConnectionCheck
{
    /// <summary>Asks GitHub, within a bounded time, what the connection can do; never throws for what GitHub answers.</summary>
    /// <param name="connection">The connection, its secret still encrypted; the clear secret never leaves the check.</param>
    /// <param name="repositoriesToTry">Full names ("owner/name") whose traffic to try reading, in order; empty when none is known.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>What GitHub answered, with findings in plain language of what the connection lacks.</returns>
    Task<ConnectionCheckResult> CheckAsync(GitHubConnection connection, IReadOnlyList<string> repositoriesToTry, CancellationToken cancellationToken = default);
}
