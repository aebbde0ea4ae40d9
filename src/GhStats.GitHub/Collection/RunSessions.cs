using System.Collections.Concurrent;
using GhStats.Domain;
using GhStats.GitHub.Client;
using GhStats.Stores;

namespace GhStats.GitHub.Collection;

/// <summary>
/// One run's GitHub sessions, one per connection, opened when first needed and closed with the run; paced
/// <paramref name="evenlySpaced"/> for a lane that may change hands within a minute (see <see cref="GitHubApiBudget"/>).
/// </summary>
internal sealed class RunSessions(IConnectionStore connections, GitHubSessionFactory sessions, RunCounters counters, bool evenlySpaced = false) : IDisposable
{
    private readonly ConcurrentDictionary<long, GitHubSession> _open = new();
    private readonly ConcurrentDictionary<long, Task<IReadOnlyList<GitHubConnection>>> _tenantConnections = new();

    /// <summary>The session of a repository's connection, or of the tenant's first connection when it names none; null when the tenant has none.</summary>
    public async Task<GitHubSession?> ForAsync(long tenantId, long? connectionId, CancellationToken cancellationToken)
    {
        var connection = await ConnectionOfAsync(tenantId, connectionId, cancellationToken).ConfigureAwait(false);
        return connection is null ? null : _open.GetOrAdd(connection.Id, _ => sessions.Create(connection, counters, cancellationToken, evenlySpaced));
    }

    /// <summary>The connection a repository is collected through (its own, or the tenant's first); null when the tenant has none.</summary>
    public async Task<GitHubConnection?> ConnectionOfAsync(long tenantId, long? connectionId, CancellationToken cancellationToken)
    {
        var available = await _tenantConnections.GetOrAdd(tenantId, id => connections.ListAsync(id, cancellationToken)).ConfigureAwait(false);
        return connectionId is { } id ? available.FirstOrDefault(c => c.Id == id) : available.Count > 0 ? available[0] : null;
    }

    public void Dispose()
    {
        foreach (var session in _open.Values)
        {
            session.Dispose();
        }
    }
}
