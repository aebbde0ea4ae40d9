namespace GhStats.Notifications.Delivery;

/// <summary>
/// Wakes the dispatcher before its next poll: code in this process that raised an event calls <see cref="Wake"/>, so a
/// message is delivered at once instead of up to <c>PollInterval</c> later. Other processes' events wait for the poll.
/// </summary>
internal sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Wake()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one wake-up covers every event raised before the dispatcher looks.
        }
    }

    /// <summary>Waits for a wake-up or until <paramref name="timeout"/> has passed on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = _pending.WaitAsync(waiting.Token);
        var elapsed = Task.Delay(timeout, clock, waiting.Token);
        await Task.WhenAny(woken, elapsed).ConfigureAwait(false);
        await waiting.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => _pending.Dispose();
}
