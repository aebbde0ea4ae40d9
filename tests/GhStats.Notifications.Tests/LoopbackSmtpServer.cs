using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using GhStats.Testing;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace GhStats.Notifications.Tests;

/// <summary>A real SMTP server (the SmtpServer package) on 127.0.0.1 that keeps each message's raw MIME as received.</summary>
internal sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly RawMessageStore _store = new();

    private LoopbackSmtpServer()
    {
        Port = LoopbackPort.Free();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public static LoopbackSmtpServer Start() => new();

    /// <summary>The raw messages received, in order.</summary>
    public IReadOnlyList<byte[]> Raw => [.. _store.Messages];

    public async Task<MimeMessage> WaitForMessageAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_store.Messages.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The SMTP server got {_store.Messages.Count} messages, not {count}.");
            }

            await Task.Delay(20);
        }

        using var raw = new MemoryStream(Raw[count - 1]);
        return await MimeMessage.LoadAsync(raw);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class RawMessageStore : MessageStore
    {
        public ConcurrentQueue<byte[]> Messages { get; } = new();

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Messages.Enqueue(buffer.ToArray());
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
