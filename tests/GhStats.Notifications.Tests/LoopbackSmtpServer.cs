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

    private readonly RecordingAuthenticator? _authenticator;

    private LoopbackSmtpServer((string User, string Password)? account)
    {
        Port = LoopbackPort.Free();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false)
                .AuthenticationRequired(account is not null).AllowUnsecureAuthentication(account is not null))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        if (account is { } required)
        {
            _authenticator = new RecordingAuthenticator(required.User, required.Password);
            services.Add(_authenticator);
        }

        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>The sign-ins tried (user, whether accepted).</summary>
    public IReadOnlyList<(string User, bool Accepted)> SignIns => [.. _authenticator?.Attempts ?? []];

    /// <summary>Starts a server that takes mail from anyone, or, with <paramref name="account"/>, only after AUTH as that account.</summary>
    public static LoopbackSmtpServer Start((string User, string Password)? account = null) => new(account);

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

    private sealed class RecordingAuthenticator(string user, string password) : SmtpServer.Authentication.UserAuthenticator
    {
        public ConcurrentQueue<(string User, bool Accepted)> Attempts { get; } = new();

        public override Task<bool> AuthenticateAsync(ISessionContext context, string user1, string password1, CancellationToken cancellationToken)
        {
            var accepted = user1 == user && password1 == password;
            Attempts.Enqueue((user1, accepted));
            return Task.FromResult(accepted);
        }
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
