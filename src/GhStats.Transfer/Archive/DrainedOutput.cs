namespace GhStats.Transfer.Archive;

/// <summary>
/// The export's output as the zip writer sees it: it cannot seek, and whatever the writer writes (synchronously too,
/// as a zip entry does when it closes) is held until <see cref="DrainAsync"/> writes it on asynchronously. So an export
/// goes to a web response, which refuses synchronous writes, or to a pipe, holding little more than one chunk.
/// </summary>
/// <param name="output">Where the bytes go.</param>
internal sealed class DrainedOutput(Stream output) : Stream
{
    private readonly MemoryStream held = new();

    /// <summary>Bytes held, not yet drained.</summary>
    public long Held => held.Length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Writes what is held to the output.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (held.Length == 0)
        {
            return;
        }

        await output.WriteAsync(held.GetBuffer().AsMemory(0, (int)held.Length), cancellationToken).ConfigureAwait(false);
        held.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count) => held.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => held.Write(buffer);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        held.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        held.Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override void Flush()
    {
        // Held until drained.
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            held.Dispose();
        }

        base.Dispose(disposing);
    }
}
