using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GhStats.Testing.Oidc;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.Oidc;

public sealed class OidcProviderLifecycleTests
{
    [Fact]
    public async Task StartAsync_OnAGivenPort_ServesThere_AndDisposeStopsIt()
    {
        var port = FreeLoopbackPort();
        var provider = await OidcProvider.StartAsync(port);

        provider.Issuer.ShouldBe(new Uri($"http://127.0.0.1:{port}/"));
        using (var http = new HttpClient())
        {
            (await http.GetStringAsync(provider.MetadataAddress)).ShouldContain($"\"issuer\":\"http://127.0.0.1:{port}\"");
        }

        provider.Output.ShouldContain($"listening http://127.0.0.1:{port}");

        await provider.DisposeAsync();

        using (var client = new TcpClient())
        {
            await Should.ThrowAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
        }

        await Should.ThrowAsync<ObjectDisposedException>(() => provider.AddAccountAsync(new OidcAccount("s", "s@example.com", true, "S")));
        await provider.DisposeAsync();
    }

    [Fact]
    public async Task StartAsync_OnAPortInUse_FailsWithNodesOutput()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;

            var error = await Should.ThrowAsync<InvalidOperationException>(() => OidcProvider.StartAsync(port));

            error.Message.ShouldContain("exited with code 1 before it was listening");
            error.Message.ShouldContain($"could not listen on 127.0.0.1:{port}");
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task ProviderProcess_Exits_WhenItsStdinCloses()
    {
        // What keeps a killed test run from leaving providers behind: the parent's end of the pipe closes with it.
        var directory = OidcProvider.ProjectDirectory;
        var startInfo = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        startInfo.ArgumentList.Add("server.mjs");
        using var node = Process.Start(startInfo)!;
        try
        {
            var listening = await node.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            listening.ShouldNotBeNull().ShouldStartWith("listening http://127.0.0.1:");
            node.HasExited.ShouldBeFalse();

            node.StandardInput.Close();

            await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            node.ExitCode.ShouldBe(0);
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
