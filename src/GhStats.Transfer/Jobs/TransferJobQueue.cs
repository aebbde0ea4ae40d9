using System.Threading.Channels;

namespace GhStats.Transfer.Jobs;

/// <summary>The jobs this process stored and has not run yet, in order; <see cref="TransferJobRunner"/> takes them.</summary>
internal sealed class TransferJobQueue
{
    private readonly Channel<QueuedTransfer> channel = Channel.CreateUnbounded<QueuedTransfer>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<QueuedTransfer> Reader => channel.Reader;

    /// <summary>Queues a job.</summary>
    public void Enqueue(QueuedTransfer job)
    {
        if (!channel.Writer.TryWrite(job))
        {
            throw new InvalidOperationException("The transfer queue is closed: the app is stopping.");
        }
    }

    /// <summary>Takes no more jobs (the app stops).</summary>
    public void Close() => channel.Writer.TryComplete();
}
