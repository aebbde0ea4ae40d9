using GhStats.Domain;

namespace GhStats.GitHub.Collection;

/// <summary>
/// The repositories of one run that share a GitHub connection, and so its budget: collected in deadline order (the ones
/// read longest ago, or never, first, since GitHub's 14-day window loses their oldest days first). Once the connection's
/// rate limit is used up for longer than the collector waits, the lane's remaining repositories are deferred to the next
/// run instead of failing.
/// </summary>
internal sealed class CollectionLane
{
    private readonly Lock _gate = new();
    private int _deferred;

    public CollectionLane(long tenantId, long? connectionId, IEnumerable<TrackedRepository> repositories)
    {
        TenantId = tenantId;
        ConnectionId = connectionId;
        Repositories = [.. repositories
            .OrderBy(r => r.LastDailyReadOn ?? DateOnly.MinValue)
            .ThenBy(r => r.LastCollectedAt ?? DateTimeOffset.MinValue)
            .ThenBy(r => r.Id)];
    }

    public long TenantId { get; }

    /// <summary>The connection; null for the repositories of a tenant that has none.</summary>
    public long? ConnectionId { get; }

    /// <summary>The repositories, in the order the lane starts them.</summary>
    public IReadOnlyList<TrackedRepository> Repositories { get; }

    /// <summary>Why the rest of the lane waits for the next run, once its budget is spent; null while it has budget.</summary>
    public string? ExhaustedBecause { get; private set; }

    /// <summary>Repositories left for the next run.</summary>
    public int Deferred => Volatile.Read(ref _deferred);

    /// <summary>The connection's budget is spent: what has not started waits for the next run.</summary>
    public void Exhaust(string reason)
    {
        lock (_gate)
        {
            ExhaustedBecause ??= reason;
        }
    }

    public void Defer() => Interlocked.Increment(ref _deferred);

    /// <summary>Groups a run's repositories by the connection each is collected through.</summary>
    public static async Task<IReadOnlyList<CollectionLane>> OfAsync(IReadOnlyList<TrackedRepository> tracked, RunSessions sessions, CancellationToken cancellationToken)
    {
        var byConnection = new Dictionary<(long Tenant, long? Connection), List<TrackedRepository>>();
        foreach (var repository in tracked)
        {
            var connection = await sessions.ConnectionOfAsync(repository.TenantId, repository.ConnectionId, cancellationToken).ConfigureAwait(false);
            var key = (repository.TenantId, connection?.Id);
            if (!byConnection.TryGetValue(key, out var list))
            {
                byConnection[key] = list = [];
            }

            list.Add(repository);
        }

        return [.. byConnection.Select(pair => new CollectionLane(pair.Key.Tenant, pair.Key.Connection, pair.Value))];
    }
}
