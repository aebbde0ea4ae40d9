using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GhStats.Testing.GitHub;

/// <summary>
/// A GitHub REST API simulator served by Kestrel on 127.0.0.1 and a free port: the endpoints GhStats' collector calls,
/// with GitHub's JSON shapes, authentication, push-access rules, primary and secondary rate limits and injectable
/// failures. Everything is under <c>/api/v3</c>, where Octokit looks when given any base address but github.com:
/// <c>new GitHubClient(new ProductHeaderValue("ghstats"), new Uri(simulator.BaseAddress))</c>. GraphQL answers at
/// <c>/api/graphql</c> (GitHub Enterprise Server's place) and <c>/graphql</c> (github.com's), for repository counters.
/// </summary>
public sealed class GitHubSimulator : IAsyncDisposable
{
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int TokenLength = 36;

    private readonly WebApplication _host;
    private readonly ConcurrentDictionary<string, SimulatedRepository> _repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<long, SimulatedRepository> _repositoriesById = new();
    private readonly ConcurrentDictionary<string, SimulatedOwner> _owners = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SimulatedIdentity> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, RegisteredApp> _apps = new();
    private readonly ConcurrentDictionary<long, SimulatedApp> _installations = new();
    private long _lastRepositoryId = 100_000;
    private long _lastOwnerId = 1_000;
    private long _lastUserId = 50_000;
    private long _personalTokens;
    private long _installationTokens;
    private int _disposed;
    private bool _graphQLEnabled;

    private GitHubSimulator(WebApplication host, GitHubSimulatorOptions options)
    {
        _host = host;
        Options = options;
        Clock = new SimulatorClock(options.SimulatedNow);
        _graphQLEnabled = options.GraphQL;
    }

    /// <summary>"http://127.0.0.1:{port}/"; Octokit appends "api/v3/".</summary>
    public string BaseAddress { get; private set; } = "";

    /// <summary>The simulated "now" that the traffic window follows; tests move it.</summary>
    public SimulatorClock Clock { get; }

    /// <summary>Failures and extra latency to inject.</summary>
    public GitHubFaults Faults { get; } = new();

    /// <summary>Answers a hostile or broken server would give: redirects, foreign or endless next pages, huge bodies, long waits, pages that are not GitHub's.</summary>
    public GitHubMisbehaviour Misbehaviour { get; } = new();

    /// <summary>
    /// Whether GraphQL answers; false makes <c>/graphql</c> and <c>/api/graphql</c> answer 404 like a GitHub Enterprise
    /// Server without it (the calls still count as <see cref="SimulatedEndpoint.GraphQL"/>). Starts as
    /// <see cref="GitHubSimulatorOptions.GraphQL"/>; a test may switch it at any time.
    /// </summary>
    public bool GraphQLEnabled
    {
        get => Volatile.Read(ref _graphQLEnabled);
        set => Volatile.Write(ref _graphQLEnabled, value);
    }

    /// <summary>What the simulator has seen.</summary>
    public SimulatorStats Stats { get; } = new();

    /// <summary>The options the simulator was started with.</summary>
    public GitHubSimulatorOptions Options { get; }

    /// <summary>Every repository added so far.</summary>
    public IReadOnlyCollection<SimulatedRepository> Repositories => [.. _repositories.Values.OrderBy(r => r.Id)];

    /// <summary>Starts a simulator on 127.0.0.1 and a free port; dispose it to stop it.</summary>
    public static async Task<GitHubSimulator> StartAsync(GitHubSimulatorOptions? options = null, CancellationToken ct = default)
    {
        options ??= new GitHubSimulatorOptions();
        options.Validate();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // Loopback only: the simulator must never be reachable from another machine.
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.Services.AddSingleton<IHostLifetime, NoSignalLifetime>();
        var host = builder.Build();
        var simulator = new GitHubSimulator(host, options);
        var handler = new GitHubApiHandler(simulator, host.Lifetime.ApplicationStopping);
        host.Run(handler.HandleAsync);
        try
        {
            await host.StartAsync(ct).ConfigureAwait(false);
            var address = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            simulator.BaseAddress = "http://127.0.0.1:" + new Uri(address).Port.ToString(CultureInfo.InvariantCulture) + "/";
            return simulator;
        }
        catch
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Adds repository <paramref name="owner"/>/<paramref name="name"/> whose traffic and counters derive from
    /// <paramref name="seed"/>; <paramref name="configure"/> runs before it becomes visible. An unknown owner is
    /// added as an organization (see <see cref="AddOwner"/>).
    /// </summary>
    public SimulatedRepository AddRepository(string owner, string name, int seed, Action<SimulatedRepository>? configure = null)
    {
        ValidateName(owner, nameof(owner));
        ValidateName(name, nameof(name));
        var account = _owners.GetOrAdd(owner, login => new SimulatedOwner(login, Interlocked.Increment(ref _lastOwnerId), SimulatedOwnerType.Organization));
        var repository = new SimulatedRepository(account.Login, name, seed, Interlocked.Increment(ref _lastRepositoryId), account.Id) { StarredUntil = Clock.GetUtcNow() };
        configure?.Invoke(repository);
        if (!_repositories.TryAdd(repository.FullName, repository))
        {
            throw new InvalidOperationException($"The simulator already has a repository {owner}/{name}.");
        }

        _repositoriesById[repository.Id] = repository;
        account.Add(repository);
        return repository;
    }

    /// <summary>The repository added as <paramref name="owner"/>/<paramref name="name"/> (ignoring case).</summary>
    public SimulatedRepository Repository(string owner, string name) =>
        FindRepository(owner, name) ?? throw new KeyNotFoundException($"The simulator has no repository {owner}/{name}; add it with AddRepository first.");

    /// <summary>Declares what kind of account <paramref name="login"/> is; adding a repository creates an organization.</summary>
    public void AddOwner(string login, SimulatedOwnerType type)
    {
        ValidateName(login, nameof(login));
        _owners.GetOrAdd(login, l => new SimulatedOwner(l, Interlocked.Increment(ref _lastOwnerId), type)).Type = type;
    }

    /// <summary>
    /// Adds a personal access token (a deterministic "ghp_..." one unless <paramref name="token"/> is given) with its
    /// own primary limit. It can read every public repository and push to those matching <paramref name="canPushTo"/>:
    /// "owner/name", "owner/*", or "*" for all. Like a fine-grained token, it reports no OAuth scopes.
    /// </summary>
    public string AddToken(string? token = null, int rateLimit = 5000, params string[] canPushTo) =>
        AddPersonalToken(token, rateLimit, scopes: null, login: null, canPushTo);

    /// <summary>
    /// Adds a classic personal access token with OAuth <paramref name="scopes"/>, which GitHub sends back in
    /// <c>X-OAuth-Scopes</c> on every answer. Its user (<paramref name="login"/>, or "sim-user-{id}") may push to the
    /// repositories matching <paramref name="canPushTo"/>, and the token does only where a scope carries that right:
    /// 'repo' for any repository, 'public_repo' for public ones.
    /// </summary>
    public string AddClassicToken(IReadOnlyList<string> scopes, string? login = null, params string[] canPushTo)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        return AddPersonalToken(null, 5000, [.. scopes], login, canPushTo);
    }

    /// <summary>The login of the user a personal access token belongs to, as <c>GET /user</c> answers it.</summary>
    public string LoginOf(string token) =>
        FindToken(token)?.Login ?? throw new KeyNotFoundException("The simulator issued no personal access token like this one.");

    /// <summary>
    /// The hostile behaviours towards personal access token <paramref name="token"/> (off until set); other tokens are
    /// served normally. For an App connection use <see cref="SimulatedApp.Hostility"/>.
    /// </summary>
    public GitHubHostility HostilityOf(string token) =>
        FindToken(token) is { Login: not null, Hostility: { } hostility } ? hostility
        : throw new KeyNotFoundException("The simulator issued no personal access token like this one; an installation's hostility is SimulatedApp.Hostility.");

    /// <summary>
    /// Adds <paramref name="count"/> repositories <paramref name="owner"/>/{<paramref name="prefix"/>}{i:D5} with seeds
    /// <paramref name="firstSeed"/> + i: thousands at once, each served from its seed (nothing per day is stored up front).
    /// </summary>
    public IReadOnlyList<SimulatedRepository> AddRepositories(string owner, int count, string prefix = "repo-", int firstSeed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var added = new SimulatedRepository[count];
        for (var i = 0; i < count; i++)
        {
            added[i] = AddRepository(owner, prefix + i.ToString("D5", CultureInfo.InvariantCulture), firstSeed + i);
        }

        return added;
    }

    /// <summary>Revokes a token (personal or installation): later requests with it answer 401 Bad credentials.</summary>
    public void RevokeToken(string token)
    {
        if (!_tokens.TryGetValue(token, out var identity))
        {
            throw new KeyNotFoundException("The simulator never issued this token.");
        }

        identity.Revoke();
    }

    /// <summary>
    /// Adds installation <paramref name="installationId"/> of GitHub App <paramref name="appId"/>. Its JWTs must be
    /// signed by the key in <paramref name="privateKeyPem"/> (only the public half is kept; a public key PEM works too).
    /// Tokens it issues can push to the repositories matching <paramref name="canPushTo"/>.
    /// </summary>
    public SimulatedApp AddApp(long appId, string privateKeyPem, long installationId, params string[] canPushTo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKeyPem);
        ArgumentNullException.ThrowIfNull(canPushTo);
        RSAParameters publicKey;
        using (var rsa = RSA.Create())
        {
            rsa.ImportFromPem(privateKeyPem);
            publicKey = rsa.ExportParameters(includePrivateParameters: false);
        }

        var app = _apps.GetOrAdd(appId, id =>
        {
            var key = "app:" + id.ToString(CultureInfo.InvariantCulture);
            var jwtIdentity = new SimulatedIdentity(key, "app ID " + id.ToString(CultureInfo.InvariantCulture), new PushAccess([]), NewWindow(5000), Stats.CountersFor(key), expiresAt: null)
            {
                AppId = id,
            };
            return new RegisteredApp(id, publicKey, jwtIdentity);
        });
        if (!app.PublicKey.Modulus.AsSpan().SequenceEqual(publicKey.Modulus) || !app.PublicKey.Exponent.AsSpan().SequenceEqual(publicKey.Exponent))
        {
            throw new InvalidOperationException($"App {appId} was added with another key.");
        }

        var installation = new SimulatedApp(app, installationId, new PushAccess(canPushTo));
        if (!_installations.TryAdd(installationId, installation))
        {
            throw new InvalidOperationException($"The simulator already has installation {installationId}.");
        }

        return installation;
    }

    /// <summary>Stops the server. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _host.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _host.DisposeAsync().ConfigureAwait(false);
            foreach (var app in _apps.Values)
            {
                app.Dispose();
            }
        }
    }

    internal SimulatedRepository? FindRepository(string owner, string name) =>
        _repositories.TryGetValue(owner + "/" + name, out var repository) ? repository : null;

    internal SimulatedRepository? FindRepository(long id) => _repositoriesById.TryGetValue(id, out var repository) ? repository : null;

    internal SimulatedOwner? FindOwner(string login) => _owners.TryGetValue(login, out var owner) ? owner : null;

    internal SimulatedOwner OwnerOf(SimulatedRepository repository) => _owners[repository.Owner];

    internal SimulatedIdentity? FindToken(string token) => _tokens.TryGetValue(token, out var identity) ? identity : null;

    internal RegisteredApp? FindApp(long appId) => _apps.TryGetValue(appId, out var app) ? app : null;

    internal SimulatedApp? FindInstallation(long installationId) =>
        _installations.TryGetValue(installationId, out var installation) ? installation : null;

    internal (string Token, DateTimeOffset ExpiresAt) IssueInstallationToken(SimulatedApp installation, DateTimeOffset wallNow)
    {
        var token = TokenText("ghs_", Interlocked.Increment(ref _installationTokens), 2);
        var expiresAt = wallNow + installation.TokenLifetime;
        var identity = new SimulatedIdentity(
            token,
            "installation ID " + installation.InstallationId.ToString(CultureInfo.InvariantCulture),
            installation.Push,
            NewWindow(installation.InstallationRateLimit),
            Stats.CountersFor(token),
            expiresAt)
        {
            GraphQLWindow = NewGraphQLWindow(),
            Hostility = installation.Hostility,
        };
        _tokens[token] = identity;
        installation.Issued(token);
        Stats.CountInstallationToken();
        return (token, expiresAt);
    }

    private string AddPersonalToken(string? token, int rateLimit, IReadOnlyList<string>? scopes, string? login, string[] canPushTo)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rateLimit, 1);
        ArgumentNullException.ThrowIfNull(canPushTo);
        var sequence = Interlocked.Increment(ref _personalTokens);
        token ??= TokenText("ghp_", sequence, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var userId = Interlocked.Increment(ref _lastUserId);
        if (login is not null)
        {
            ValidateName(login, nameof(login));
        }

        var identity = new SimulatedIdentity(
            token,
            "user ID " + userId.ToString(CultureInfo.InvariantCulture),
            new PushAccess(canPushTo),
            NewWindow(rateLimit),
            Stats.CountersFor(token),
            expiresAt: null)
        {
            Login = login ?? "sim-user-" + userId.ToString(CultureInfo.InvariantCulture),
            UserId = userId,
            Scopes = scopes,
            GraphQLWindow = NewGraphQLWindow(),
            Hostility = new GitHubHostility(),
        };
        if (!_tokens.TryAdd(token, identity))
        {
            throw new InvalidOperationException("The simulator already has this token.");
        }

        return token;
    }

    private RateLimitWindow NewWindow(int limit) => new(limit, Options.PrimaryResetAfter, Options.SecondaryLimitPerMinute);

    private RateLimitWindow NewGraphQLWindow() => new(Options.GraphQLPointsPerHour, Options.PrimaryResetAfter, Options.SecondaryLimitPerMinute, "graphql");

    private static string TokenText(string prefix, long sequence, long salt) =>
        string.Create(prefix.Length + TokenLength, (prefix, sequence, salt), static (chars, state) =>
        {
            state.prefix.AsSpan().CopyTo(chars);
            for (var i = state.prefix.Length; i < chars.Length; i++)
            {
                chars[i] = TokenAlphabet[StableHash.Below(TokenAlphabet.Length, state.sequence, state.salt, i)];
            }
        });

    private static void ValidateName(string value, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameter);
        if (value.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{value}' must not contain '/'.", parameter);
        }
    }
}
