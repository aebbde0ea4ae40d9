using System.Net;
using System.Net.Sockets;

namespace GhStats.Testing;

/// <summary>Loopback ports for servers and processes that tests start, and for addresses where nothing listens.</summary>
public static class LoopbackPort
{
    /// <summary>A port on 127.0.0.1 that was free a moment ago (the system picks it; another process could still take it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
