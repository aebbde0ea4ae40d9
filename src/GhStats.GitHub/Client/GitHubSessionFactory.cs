using System.Net;
using System.Security.Cryptography;
using GhStats.Domain;
using GhStats.GitHub.Collection;
using GhStats.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit;
using Octokit.Internal;

namespace GhStats.GitHub.Client;

/// <summary>Creates the per-run Octokit client of a GitHub connection: its secret decrypted, its base address, its pacing.</summary>
internal sealed class GitHubSessionFactory(
    ISecretProtector secrets,
    IOptions<GitHubCollectorOptions> options,
    TimeProvider clock,
    ILoggerFactory loggers)
{
    private static readonly Uri GitHubDotCom = new("https://api.github.com/");

    public GitHubSession Create(GitHubConnection connection, RunCounters counters) => Create(connection, counters, options.Value);

    /// <summary>A session with other retry and wait settings than the collector's, e.g. a connection check that must answer quickly.</summary>
    public GitHubSession Create(GitHubConnection connection, RunCounters counters, GitHubCollectorOptions settings)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(settings);
        var budget = new GitHubApiBudget(settings.RequestsPerMinute, settings.MaxRateLimitWait, clock);
        var baseAddress = BaseAddress(connection.ApiBaseUrl);
        var logger = loggers.CreateLogger<GitHubRequestHandler>();
        var resources = new List<IDisposable>();
        GitHubRequestHandler Handler()
        {
            var handler = new GitHubRequestHandler(budget, counters, settings, clock, logger)
            {
                InnerHandler = new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
            };
            resources.Add(handler);
            return handler;
        }

        string secret;
        try
        {
            secret = secrets.Unprotect(connection.ProtectedSecret);
        }
        catch (CryptographicException exception)
        {
            var refused = new GitHubSession(new GitHubClient(new ProductHeaderValue("GhStats")), budget, resources);
            refused.Refuse($"The connection's secret cannot be decrypted ({exception.Message}); enter the token or key again.");
            return refused;
        }

        if (connection.Kind == GitHubConnectionKind.PersonalAccessToken)
        {
            var (client, http) = GitHubSession.CreateClient(baseAddress, new InMemoryCredentialStore(new Credentials(secret)), Handler());
            resources.Add(http);
            return new GitHubSession(client, budget, resources);
        }

        var (appClient, appHttp) = GitHubSession.CreateClient(baseAddress, new InMemoryCredentialStore(Credentials.Anonymous), Handler());
        var installation = new AppInstallationCredentials(appClient, connection.AppId!.Value, secret, connection.InstallationId!.Value, clock);
        var (installationClient, installationHttp) = GitHubSession.CreateClient(baseAddress, installation, Handler());
        resources.AddRange([appHttp, installation, installationHttp]);
        return new GitHubSession(installationClient, budget, resources) { Installation = installation };
    }

    /// <summary>
    /// The API root Octokit's connection calls: api.github.com for github.com, and "{host}/api/v3/" for GitHub Enterprise
    /// Server, whether or not the configured address already ends in "api/v3".
    /// </summary>
    internal static Uri BaseAddress(string apiBaseUrl)
    {
        var text = apiBaseUrl.Trim().TrimEnd('/');
        if (text.EndsWith("/api/v3", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^"/api/v3".Length];
        }

        var uri = new Uri(text + "/", UriKind.Absolute);
        return uri.Host.Equals("api.github.com", StringComparison.OrdinalIgnoreCase) || uri.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase)
            ? GitHubDotCom
            : new Uri(uri, "api/v3/");
    }
}
