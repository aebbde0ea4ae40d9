using System.Globalization;
using GhStats.Domain;

namespace GhStats.GitHub.Collection;

/// <summary>
/// The repositories of one run that share a GitHub connection, and so its budget: collected in deadline order (the ones
/// read longest ago, or never, first, since GitHub's 14-day window loses their oldest days first; then the ones whose
/// once-a-day reads are oldest). The budget goes to views and clones first: a repository's once-a-day and once-a-week
/// reads are made only while what is left of the limit still covers the views and clones of every repository not yet
/// done (<see cref="TryPledgeSlowReads"/>); otherwise they stay due for a later run. Once the connection's rate limit is used
/// up for longer than the collector waits, the lane's remaining repositories are deferred to the next run instead of
/// failing. A process collects a lane while it holds the lane's claim (see <see cref="Stores.ICollectionLaneStore"/>).
/// </summary>
internal sealed class CollectionLane : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _lost = new();
    private int _deferred;
    private int _left;
    private long _pledged;
    private volatile bool _turnEnded;
    private volatile bool _ending;

    public CollectionLane(long tenantId, long? connectionId, IEnumerable<TrackedRepository> repositories, RunCounters? counters = null)
    {
        TenantId = tenantId;
        ConnectionId = connectionId;
        Key = KeyOf(tenantId, connectionId);
        Repositories = [.. repositories
            .OrderBy(r => r.LastDailyReadOn ?? DateOnly.MinValue)
            .ThenBy(r => r.DailyCollectedOn ?? DateOnly.MinValue)
            .ThenBy(r => r.LastCollectedAt ?? DateTimeOffset.MinValue)
            .ThenBy(r => r.Id)];
        Counters = counters ?? new RunCounters { Total = Repositories.Count };
        _left = Repositories.Count;
    }

    /// <summary>The lane within its run: <c>{tenantId}:{connectionId}</c>, or <c>{tenantId}:none</c> without a connection.</summary>
    public string Key { get; }

    public long TenantId { get; }

    /// <summary>The connection; null for the repositories of a tenant that has none.</summary>
    public long? ConnectionId { get; }

    /// <summary>The repositories this process collects, in the order the lane starts them.</summary>
    public IReadOnlyList<TrackedRepository> Repositories { get; }

    /// <summary>The lane's counters, carried over from an earlier holder when the lane was taken over.</summary>
    public RunCounters Counters { get; }

    /// <summary>
    /// Whether the lane takes turns (<see cref="GitHubCollectorOptions.LaneTurn"/>): it was claimed while other lanes of the
    /// run waited, or resumed after an earlier holder. Its requests are then paced evenly, since it may change hands
    /// within a minute (see <see cref="Client.GitHubApiBudget"/>); a lane that does not take turns is held until done.
    /// </summary>
    public bool TakesTurns { get; init; }

    /// <summary>When this process claimed the lane: its turn began.</summary>
    public DateTimeOffset ClaimedAt { get; init; }

    /// <summary>
    /// Whether the lane's turn here is over (<see cref="GitHubCollectorOptions.LaneTurn"/>): no more of its repositories
    /// start, and once those in flight are done it is handed back for a process to claim again.
    /// </summary>
    public bool TurnEnded => _turnEnded;

    /// <summary>Whether its holder is completing it or handing it back: a write of its progress that finds it no longer held is expected, not a loss.</summary>
    public bool Ending => _ending;

    /// <summary>Repositories done: collected, failed or deferred, by this process or the lane's earlier holders in the run.</summary>
    public int Done => Counters.Done + Deferred;

    /// <summary>When the claim was last extended.</summary>
    public DateTimeOffset LastRenewal { get; set; }

    /// <summary>Cancelled once another process holds the lane: this process stops collecting it.</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>Why the rest of the lane waits for the next run, once its budget is spent; null while it has budget.</summary>
    public string? ExhaustedBecause { get; private set; }

    /// <summary>Repositories left for the next run.</summary>
    public int Deferred => Volatile.Read(ref _deferred);

    /// <summary>Repositories of <see cref="Repositories"/> not yet done.</summary>
    public int Left => Volatile.Read(ref _left);

    /// <summary>
    /// Whether the connection's limit spares a repository's slow reads (once a day, once a week), costing
    /// <paramref name="slowCalls"/>; if so they are pledged until <see cref="ReleaseSlowReads"/>. They are spared while
    /// <paramref name="remaining"/>, less those and the slow calls pledged to repositories still in flight (whose calls
    /// may not have been made yet), still covers the views and clones (<see cref="CollectionCallModel.CallsEveryRun"/>
    /// each) of every repository of the lane not yet done, this one included. While the limit left is not known (no
    /// answer in this run yet, or the limit reset since) they go ahead: the lane's first repositories, collected at once
    /// before any answer, read theirs blind, and the answers then tell the figure.
    /// </summary>
    public bool TryPledgeSlowReads(int? remaining, int slowCalls)
    {
        if (slowCalls == 0)
        {
            return false;
        }

        lock (_gate)
        {
            var spared = remaining is not { } left || left - _pledged - slowCalls >= (long)CollectionCallModel.CallsEveryRun * Left;
            if (spared)
            {
                _pledged += slowCalls;
            }

            return spared;
        }
    }

    /// <summary>A repository's pledged slow reads are made (or failed): what they cost is in the limit GitHub reports now.</summary>
    public void ReleaseSlowReads(int slowCalls)
    {
        lock (_gate)
        {
            _pledged -= slowCalls;
        }
    }

    public static string KeyOf(long tenantId, long? connectionId) =>
        string.Create(CultureInfo.InvariantCulture, $"{tenantId}:{(connectionId is { } id ? id.ToString(CultureInfo.InvariantCulture) : "none")}");

    /// <summary>The connection's budget is spent: what has not started waits for the next run.</summary>
    public void Exhaust(string reason)
    {
        lock (_gate)
        {
            ExhaustedBecause ??= reason;
        }
    }

    public void Defer() => Interlocked.Increment(ref _deferred);

    /// <summary>One of the lane's repositories is done (collected, failed or deferred).</summary>
    public void RepositoryDone() => Interlocked.Decrement(ref _left);

    /// <summary>The lane's counters as stored progress.</summary>
    public CollectionLaneProgress Progress() => Counters.LaneProgress(Deferred, ExhaustedBecause);

    /// <summary>Ends the lane's turn here: see <see cref="TurnEnded"/>.</summary>
    public void EndTurn() => _turnEnded = true;

    /// <summary>Its holder is about to complete it or hand it back.</summary>
    public void End() => _ending = true;

    /// <summary>Another process holds the lane now.</summary>
    public void Lose() => _lost.Cancel();

    public void Dispose() => _lost.Dispose();

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
