using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using GhStats.Testing;

namespace GhStats.Host.Tests;

/// <summary>The real GhStats.Host process (or another sample app), started on a free loopback port with its own SQLite file.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public static string HostAssembly => BuiltAssembly("HostAssembly");

    /// <summary>samples/GhStats.EmbeddedSample: an app of its own that mounts GhStats under /stats.</summary>
    public static string EmbeddedSampleAssembly => BuiltAssembly("EmbeddedSampleAssembly");

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the host (or <paramref name="assembly"/>) and waits for <paramref name="healthPath"/>; <paramref name="contentRoot"/>
    /// (default: the app's own folder) is its working folder and content root.
    /// </summary>
    public static async Task<HostProcess> StartAsync(IDictionary<string, string> environment, string? contentRoot = null, string? assembly = null, string healthPath = "healthz")
    {
        var port = LoopbackPort.Free();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var start = Start(["--urls", address.ToString().TrimEnd('/')], environment, contentRoot, assembly);
        var host = new HostProcess(start, address);
        start.OutputDataReceived += (_, e) => host.Append(e.Data);
        start.ErrorDataReceived += (_, e) => host.Append(e.Data);
        start.BeginOutputReadLine();
        start.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (start.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {start.ExitCode}:\n{host.Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(healthPath, UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        await host.DisposeAsync();
        throw new TimeoutException($"The host did not answer /{healthPath} within 60 s:\n{host.Output}");
    }

    /// <summary>Starts a long-running host command that serves no HTTP (e.g. <c>worker</c>) and waits for <paramref name="readyLine"/> in its output.</summary>
    public static async Task<HostProcess> StartCommandAsync(string[] arguments, IDictionary<string, string> environment, string readyLine)
    {
        var start = Start(arguments, environment);
        var host = new HostProcess(start, new Uri("about:blank"));
        start.OutputDataReceived += (_, e) => host.Append(e.Data);
        start.ErrorDataReceived += (_, e) => host.Append(e.Data);
        start.BeginOutputReadLine();
        start.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!host.Output.Contains(readyLine, StringComparison.Ordinal))
        {
            if (start.HasExited)
            {
                throw new InvalidOperationException($"'{string.Join(' ', arguments)}' exited with {start.ExitCode}:\n{host.Output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                await host.DisposeAsync();
                throw new TimeoutException($"'{string.Join(' ', arguments)}' did not print '{readyLine}' within 60 s:\n{host.Output}");
            }

            await Task.Delay(100);
        }

        return host;
    }

    /// <summary>Runs a host command to its end.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunCommandAsync(string[] arguments, IDictionary<string, string> environment)
    {
        using var process = Start(arguments, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A command that does not end (e.g. one the host took for "serve") must not outlive the test.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"'{string.Join(' ', arguments)}' did not exit within 60 s:\n{await output}\n{await error}");
        }

        return (process.ExitCode, await output, await error);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>One certificate for the whole run, so hosts started on the same database read each other's keys, as one machine's would.</summary>
    private static readonly string GeneratedKeyCertificatePath =
        Path.Combine(Directory.CreateTempSubdirectory("ghstats-host-keys-").FullName, "key-encryption.pfx");

    private static Process Start(IEnumerable<string> arguments, IDictionary<string, string> environment, string? workingDirectory = null, string? assembly = null)
    {
        assembly ??= HostAssembly;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(assembly)!,
        };
        info.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        // A Production host creates its key-encryption certificate in this run's temp folder, not in the machine's LocalApplicationData.
        info.Environment["GhStats__DataProtection__GeneratedKeyCertificatePath"] = GeneratedKeyCertificatePath;
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("The host did not start.");
    }

    private static string BuiltAssembly(string key) => Path.GetFullPath(typeof(HostProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!);


    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
