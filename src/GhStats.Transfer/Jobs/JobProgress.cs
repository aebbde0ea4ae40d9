using GhStats.Domain;

namespace GhStats.Transfer.Jobs;

/// <summary>
/// A job's latest progress, as the importer or restorer tells it on its own thread; each report wakes the job's
/// heartbeat, which writes the latest one (reports that come faster than the store writes are folded into the next).
/// </summary>
internal sealed class JobProgress(TransferJobProgress initial) : IProgress<TransferJobProgress>, IDisposable
{
    private readonly SemaphoreSlim changed = new(0, 1);
    private readonly Lock gate = new();
    private TransferJobProgress current = initial;

    public TransferJobProgress Current
    {
        get
        {
            lock (gate)
            {
                return current;
            }
        }
    }

    public void Report(TransferJobProgress value)
    {
        lock (gate)
        {
            current = value;
            if (changed.CurrentCount == 0)
            {
                changed.Release();
            }
        }
    }

    /// <summary>Waits for a report, or for <paramref name="interval"/> on <paramref name="clock"/>.</summary>
    /// <returns>Whether a report came.</returns>
    public async Task<bool> WaitAsync(TimeSpan interval, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(interval, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await changed.WaitAsync(either.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => changed.Dispose();
}
