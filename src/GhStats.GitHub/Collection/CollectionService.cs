using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.GitHub.Collection;

/// <summary>
/// Starts collection runs in the background, one at a time across every process that shares the database: the
/// collection lease decides who starts, and a second trigger gets the run already going, which this process then joins
/// to collect the lanes left (see <see cref="CollectionJob"/>). Stopping the host stops this process's part: the run is
/// marked cancelled when no other process holds a lane of it, otherwise the others take its lanes over. A run that has
/// had no live holder for longer than the lease is marked abandoned by the next start.
/// </summary>
internal sealed partial class CollectionService(
    CollectionJob job,
    ICollectionRunStore runs,
    ILeaseStore leases,
    IOptions<GitHubCollectorOptions> options,
    TimeProvider clock,
    ILogger<CollectionService> logger) : ICollectionService, IHostedService, IDisposable
{
    private static readonly TimeSpan FindOtherRunFor = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private (long RunId, Task<CollectionRun> Task)? _current;
    private int _disposed;

    public async Task<CollectionRun> StartAsync(CollectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = await StartAsync(
            async token => await runs.StartAsync(request.Trigger, request.RequestedBy, request.TenantId, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return run ?? throw new InvalidOperationException("The new run was not recorded.");
    }

    /// <summary>
    /// Starts a run that a web replica without a collector queued; null when another worker started it first. When a run
    /// is already going here or in another process, that run is returned and the queued one keeps waiting.
    /// </summary>
    public Task<CollectionRun?> StartQueuedAsync(CollectionRun queued, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queued);
        return StartAsync(token => runs.StartQueuedAsync(queued.Id, token), cancellationToken);
    }

    private async Task<CollectionRun?> StartAsync(Func<CancellationToken, Task<CollectionRun?>> record, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { Task.IsCompleted: false } current)
            {
                var run = await runs.FindAsync(current.RunId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Collection run {current.RunId} is running but has no record.");
                if (run.Status == CollectionRunStatus.Running)
                {
                    return run;
                }

                // The run has recorded its end and freed the lease, so another process may start the next one: answering
                // with this finished run would give two simultaneous triggers two different runs. Let it wind up, then go on.
                await ((Task)current.Task).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (!await leases.TryAcquireAsync(RunLease.Name, _holder, options.Value.LeaseDuration, cancellationToken).ConfigureAwait(false))
            {
                // Another process is starting a run: join it, to collect its lanes once they are in.
                return Join(await OtherProcessRunAsync(cancellationToken).ConfigureAwait(false));
            }

            try
            {
                // Holding the lease, no other process is starting a run: one still marked running is going on in other
                // processes (join it), or died with them (abandon it).
                foreach (var running in await runs.ListRunningAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (await job.IsAliveAsync(running, cancellationToken).ConfigureAwait(false))
                    {
                        await leases.ReleaseAsync(RunLease.Name, _holder, CancellationToken.None).ConfigureAwait(false);
                        return Join(running);
                    }

                    await job.AbandonAsync(running, cancellationToken).ConfigureAwait(false);
                    LogAbandoned(logger, running.Id);
                }

                if (await record(cancellationToken).ConfigureAwait(false) is not { } run)
                {
                    await leases.ReleaseAsync(RunLease.Name, _holder, CancellationToken.None).ConfigureAwait(false);
                    return null;
                }

                var task = Task.Run(() => job.ExecuteAsync(run, _holder, _stopping.Token), CancellationToken.None);
                _current = (run.Id, task);
                return run;
            }
            catch
            {
                await leases.ReleaseAsync(RunLease.Name, _holder, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Joins a run that other processes collect and that has a lane to take (pending, or under a claim that lapsed), unless
    /// this process takes part in a run already; true when it joined.
    /// </summary>
    public async Task<bool> JoinIfClaimableAsync(CollectionRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { Task.IsCompleted: false } || !await job.HasClaimableLaneAsync(run, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            Join(run);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<CollectionRun?> GetAsync(long runId, CancellationToken cancellationToken = default) => runs.FindAsync(runId, cancellationToken);

    public async Task<CollectionRun?> WaitAsync(long runId, CancellationToken cancellationToken = default)
    {
        if (_current is { } current && current.RunId == runId)
        {
            return await current.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await runs.FindAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_current is { } current)
        {
            // The run finishes its record as cancelled; the host's shutdown timeout bounds the wait.
            await ((Task)current.Task).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose()
    {
        // Registered as itself and as a hosted service, the container may dispose it twice.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        _stopping.Dispose();
        _gate.Dispose();
    }

    /// <summary>Takes part in a run another process started (called holding the gate); the run is returned as it was found.</summary>
    private CollectionRun Join(CollectionRun run)
    {
        if (_current is { Task.IsCompleted: false } current && current.RunId == run.Id)
        {
            return run;
        }

        var task = Task.Run(() => job.JoinAsync(run, _holder, _stopping.Token), CancellationToken.None);
        _current = (run.Id, task);
        return run;
    }

    /// <summary>Another process holds the lease; its run record may be a moment behind its lease.</summary>
    private async Task<CollectionRun> OtherProcessRunAsync(CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + FindOtherRunFor;
        while (true)
        {
            var running = await runs.ListRunningAsync(cancellationToken).ConfigureAwait(false);
            if (running.Count > 0)
            {
                return running[^1];
            }

            if (clock.GetUtcNow() >= deadline)
            {
                var lease = await leases.FindAsync(RunLease.Name, cancellationToken).ConfigureAwait(false);
                throw new CollectionBusyException(
                    $"Another process ({lease?.Holder ?? "unknown"}) holds the collection lease until {lease?.ExpiresAt:u} but shows no running run; try again after that.")
                {
                    Holder = lease?.Holder,
                    LeaseExpiresAt = lease?.ExpiresAt,
                };
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), clock, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collection run {RunId} was still marked running though no process had held a lane of it for longer than the lease; marked abandoned")]
    private static partial void LogAbandoned(ILogger logger, long runId);
}
