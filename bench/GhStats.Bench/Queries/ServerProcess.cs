using System.Diagnostics;
using System.Text.Json;

namespace GhStats.Bench.Queries;

/// <summary>The driver's handle on the server process: started with the `web-server` command, stopped through its stdin.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly Process _process;

    private ServerProcess(Process process, ServerReady ready)
    {
        _process = process;
        Ready = ready;
    }

    public ServerReady Ready { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the server and waits for its ready line.</summary>
    /// <param name="options">What it serves.</param>
    /// <param name="serverGc">Run it with the server GC (as an ASP.NET Core app is by default) or the workstation GC.</param>
    /// <returns>The running server.</returns>
    public static async Task<ServerProcess> StartAsync(ServerOptions options, bool serverGc)
    {
        var start = ChildProcess.For(
        [
            "web-server", "--db", options.Database, "--tenant", options.TenantSlug, "--series", options.SeriesPath,
            "--summary", options.SummaryPath, "--role", ServerOptions.RoleName(options.Role),
        ]);

        // This program's own runtimeconfig says workstation GC (right for the other benchmarks); the variable overrides it.
        start.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"The server process exited ({(process.WaitForExit(5000) ? process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "still running")}) before it was ready; see its errors above.");
            var ready = JsonSerializer.Deserialize<ServerReady>(line, BenchJson.Options)
                ?? throw new InvalidOperationException($"The server said '{line}' instead of its ready line.");
            return new ServerProcess(process, ready);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("stop");
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
        }
    }
}
