using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using GhStats.Testing.Postgres;

namespace GhStats.Testing.Oidc;

/// <summary>
/// A real OpenID Connect provider for tests: node's certified <c>oidc-provider</c> run as a child process on
/// 127.0.0.1 (tests/GhStats.Testing/Oidc/provider/server.mjs). Clients and accounts are added while it runs,
/// because a relying party's redirect URI is often known only after both have started.
/// <code>
/// await using var oidc = await OidcProvider.StartAsync(cancellationToken);
/// await oidc.AddClientAsync(new OidcClient("ghstats", "a-secret", [redirectUri], [postLogoutUri]));
/// await oidc.AddAccountAsync(new OidcAccount("sub-1", "alice@example.com", EmailVerified: true, "Alice"));
/// // point the relying party at oidc.Issuer, then sign in with OidcSignInDriver or a browser
/// </code>
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    private const string ListeningPrefix = "listening ";
    private const int MaxOutputChars = 64 * 1024;
    // Node starts in about a second, but a full test run starts every test assembly at once on 2 cores, and generating the
    // provider's RSA key then once took over 30 s; a provider that never starts still fails, only later.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly HttpClient _admin;
    private int _disposed;

    private OidcProvider(Process process, StringBuilder output, string issuer)
    {
        _process = process;
        _output = output;
        IssuerIdentifier = issuer;
        Issuer = new Uri(issuer);
        _admin = new HttpClient { BaseAddress = Issuer, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The provider's address, <c>http://127.0.0.1:{port}/</c>; give it to the relying party as its authority.</summary>
    public Uri Issuer { get; }

    /// <summary>
    /// The issuer exactly as it appears in the discovery document and in the <c>iss</c> claim,
    /// <c>http://127.0.0.1:{port}</c>, without the trailing slash that <see cref="Uri.ToString"/> adds.
    /// </summary>
    public string IssuerIdentifier { get; }

    /// <summary>The discovery document's address, <c>{issuer}/.well-known/openid-configuration</c>.</summary>
    public Uri MetadataAddress => new(Issuer, ".well-known/openid-configuration");

    /// <summary>The loopback TCP port the provider listens on.</summary>
    public int Port => Issuer.Port;

    /// <summary>What the node process has printed so far (stdout and stderr, most recent 64 KiB), for diagnostics.</summary>
    public string Output => Snapshot(_output);

    /// <summary>
    /// The node project folder behind the provider (package.json, package-lock.json, server.mjs). Throws
    /// <see cref="InvalidOperationException"/> saying what to run when node or the npm packages are missing.
    /// </summary>
    public static string ProjectDirectory => OidcProviderProject.Locate().Directory;

    /// <summary>Starts a provider on 127.0.0.1 and a free port; dispose it to stop it.</summary>
    public static Task<OidcProvider> StartAsync(CancellationToken cancellationToken = default) => StartAsync(0, cancellationToken);

    /// <summary>
    /// Starts a provider on 127.0.0.1 and <paramref name="port"/> (0 picks a free one) and returns once it serves
    /// requests. Throws <see cref="InvalidOperationException"/> with node's output when it does not start.
    /// </summary>
    public static async Task<OidcProvider> StartAsync(int port, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var project = OidcProviderProject.Locate();

        var startInfo = new ProcessStartInfo(project.Node)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = project.Directory,
        };
        startInfo.ArgumentList.Add(project.ServerScript);
        startInfo.ArgumentList.Add("--port");
        startInfo.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));

        // The script also exits when our stdin pipe closes; the pid check covers a pipe someone else inherited.
        startInfo.ArgumentList.Add("--parent-pid");
        startInfo.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        startInfo.Environment["NO_COLOR"] = "1";

        var output = new StringBuilder();
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            Append(output, e.Data);
            if (e.Data.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            {
                listening.TrySetResult(e.Data[ListeningPrefix.Length..].Trim());
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Append(output, e.Data);
            }
        };

        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start the OpenID Connect test provider (`{project.Node} {project.ServerScript}`): {ex.Message}", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var issuer = await WaitUntilListeningAsync(process, listening.Task, output, port, cancellationToken).ConfigureAwait(false);
            return new OidcProvider(process, output, issuer);
        }
        catch
        {
            await StopAsync(process).ConfigureAwait(false);
            process.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Registers <paramref name="client"/>, or replaces the client with the same id. Throws
    /// <see cref="InvalidOperationException"/> with the provider's reason when it rejects the metadata.
    /// </summary>
    public Task AddClientAsync(OidcClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = new JsonObject
        {
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
            ["redirect_uris"] = UriArray(client.RedirectUris),
            ["post_logout_redirect_uris"] = UriArray(client.PostLogoutRedirectUris ?? []),
        };
        return PostAdminAsync("_test/clients", body, $"client {client.ClientId}", cancellationToken);
    }

    /// <summary>Adds <paramref name="account"/>, or replaces the account with the same subject.</summary>
    public Task AddAccountAsync(OidcAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var body = new JsonObject
        {
            ["subject"] = account.Subject,
            ["email"] = account.Email,
            ["email_verified"] = account.EmailVerified,
            ["name"] = account.Name,
        };
        return PostAdminAsync("_test/accounts", body, $"account {account.Subject}", cancellationToken);
    }

    /// <summary>Stops the node process: closes its stdin, then kills it if it has not exited within 5 s. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _admin.Dispose();
        await StopAsync(_process).ConfigureAwait(false);
        _process.Dispose();
    }

    private static async Task<string> WaitUntilListeningAsync(Process process, Task<string> listening, StringBuilder output, int port, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var exited = process.WaitForExitAsync(timeout.Token);
        var first = await Task.WhenAny(listening, exited).ConfigureAwait(false);
        if (first == listening)
        {
            return await listening.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var what = exited.IsCanceled
            ? $"did not report `listening` within {StartTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s"
            : $"exited with code {process.ExitCode.ToString(CultureInfo.InvariantCulture)} before it was listening";
        throw new InvalidOperationException(
            $"The OpenID Connect test provider (node, 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}) {what}. Output (last lines):{Environment.NewLine}{TextTail.Of(Snapshot(output))}");
    }

    private static async Task StopAsync(Process process)
    {
        try
        {
            // Closing stdin is the script's cue to exit; it needs no signal, which also works where signals do not.
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process is already gone.
        }

        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited between the timeout and the kill.
            }

            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static JsonArray UriArray(IEnumerable<Uri> uris) => [.. uris.Select(uri => (JsonNode)JsonValue.Create(uri.AbsoluteUri))];

    private static void Append(StringBuilder output, string line)
    {
        lock (output)
        {
            output.AppendLine(line);
            if (output.Length > MaxOutputChars)
            {
                // Keep the newest half: the last lines are the ones that explain a failure.
                output.Remove(0, output.Length - (MaxOutputChars / 2));
            }
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private async Task PostAdminAsync(string path, JsonObject body, string what, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        HttpResponseMessage response;
        try
        {
            response = await _admin.PostAsJsonAsync(path, body, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new InvalidOperationException(
                $"Could not reach the OpenID Connect test provider at {IssuerIdentifier} to add {what}: {ex.Message}. Provider output (last lines):{Environment.NewLine}{TextTail.Of(Output)}",
                ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var reason = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw new InvalidOperationException(
                    $"The OpenID Connect test provider refused {what} ({((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)}): {reason}");
            }
        }
    }
}
