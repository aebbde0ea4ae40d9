using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GhStats.Notifications.Tests;

/// <summary>One POST a <see cref="LoopbackReceiver"/> received.</summary>
internal sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>The answer a receiver gives: status, body, and optionally Retry-After seconds.</summary>
internal sealed record ReceiverAnswer(int Status, string Body = "", int? RetryAfterSeconds = null);

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a free port) that records every POST and answers what the test scripts:
/// by default 200 "ok", or the next scripted answer.
/// </summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly ConcurrentQueue<ReceiverAnswer> _script = new();

    private LoopbackReceiver(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    /// <summary>Decides the answer when nothing is scripted; the default says 200 "ok".</summary>
    public Func<ReceivedRequest, Task<ReceiverAnswer>> Answer { get; set; } = _ => Task.FromResult(new ReceiverAnswer(200, "ok"));

    public static async Task<LoopbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return receiver;
    }

    /// <summary>The next answers, in order; after them <see cref="Answer"/> decides again.</summary>
    public void Script(params ReceiverAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    public async Task<ReceivedRequest> WaitForRequestAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The receiver got {_received.Count} requests, not {count}, within {timeout}.");
            }

            await Task.Delay(20);
        }

        return Received[count - 1];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new ReceivedRequest(context.Request.Path.Value ?? "/", headers, body.ToArray());
        _received.Enqueue(request);
        var answer = _script.TryDequeue(out var scripted) ? scripted : await Answer(request);
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }
}
