using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GhStats.Client.Tests.Harness;

/// <summary>
/// A loopback TCP server that accepts connections and never finishes an answer: it either says nothing at all, or
/// sends a 200's headers and then stalls in the body. What a hung server looks like to a client.
/// </summary>
public sealed class SilentServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _held = [];
    private readonly Task _accepting;

    private SilentServer(bool sendHeaders)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync(sendHeaders);
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>Accepts and says nothing.</summary>
    public static SilentServer Mute() => new(sendHeaders: false);

    /// <summary>Sends headers promising a JSON body, then a part of it, then nothing more.</summary>
    public static SilentServer StallingInTheBody() => new(sendHeaders: true);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync(bool sendHeaders)
    {
        while (!_stop.IsCancellationRequested)
        {
            var connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            lock (_held)
            {
                _held.Add(connection);
            }

            if (sendHeaders)
            {
                var stream = connection.GetStream();
                // The request is read up to its blank line, so the answer comes after it as a real server's would.
                var received = new StringBuilder();
                var buffer = new byte[1024];
                while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        break;
                    }

                    received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                await stream.WriteAsync(Encoding.ASCII.GetBytes(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\": 1, "), _stop.Token);
            }
        }
    }
}
