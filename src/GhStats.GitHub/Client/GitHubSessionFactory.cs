using System.Security.Cryptography;
using GhStats.Domain;
using GhStats.GitHub.Collection;
using GhStats.Stores;
using Microsoft.Extensions.Options;
using Octokit;
using Octokit.Internal;

namespace GhStats.GitHub.Client;

/// <summary>
/// Creates the per-run Octokit client of a GitHub connection: its secret decrypted, its base address, its pacing, and the
/// run's token. Octokit's <see cref="HttpClientAdapter"/> sits on the handler chain of the named client
/// <see cref="GitHubCollectorOptions.HttpClientName"/> from <see cref="IHttpMessageHandlerFactory"/>, below a per-session
/// <see cref="GitHubSessionHandler"/> that hands the session to the shared handlers.
/// </summary>
internal sealed class GitHubSessionFactory(
    ISecretProtector secrets,
    IHttpMessageHandlerFactory handlers,
    IOptions<GitHubCollectorOptions> options,
    GitHubApiHostPolicy hosts,
    TimeProvider clock)
{
    private static readonly Uri GitHubDotCom = new("https://api.github.com/");

    /// <summary>
    /// A session with the collector's settings whose calls, waits and retries end when <paramref name="runToken"/> is
    /// cancelled; <paramref name="evenlySpaced"/> for a lane that may change hands within a minute (see <see cref="GitHubApiBudget"/>).
    /// </summary>
    public GitHubSession Create(GitHubConnection connection, RunCounters counters, CancellationToken runToken, bool evenlySpaced = false) =>
        Create(connection, counters, options.Value, runToken, evenlySpaced);

    /// <summary>A session with other retry and wait settings than the collector's, e.g. a connection check that must answer quickly.</summary>
    public GitHubSession Create(GitHubConnection connection, RunCounters counters, GitHubCollectorOptions settings, CancellationToken runToken, bool evenlySpaced = false)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(settings);
        var budget = new GitHubApiBudget(settings.RequestsPerMinute, settings.MaxRateLimitWait, clock, evenlySpaced);
        var baseAddress = BaseAddress(connection.ApiBaseUrl);
        var resources = new List<IDisposable>();
        GitHubClient Client(GitHubCallContext call)
        {
            var http = new HttpClientAdapter(() => new GitHubSessionHandler(call) { InnerHandler = handlers.CreateHandler(GitHubCollectorOptions.HttpClientName) });

            // Octokit's HttpClient would end every call after 100 seconds, rate-limit waits included; each attempt has its own timeout below.
            http.SetRequestTimeout(Timeout.InfiniteTimeSpan);
            resources.Add(http);
            return new GitHubClient(new Connection(new ProductHeaderValue("GhStats", "1"), baseAddress, new InMemoryCredentialStore(Credentials.Anonymous), http, new SimpleJsonSerializer()));
        }

        // Checked again at every run, not only when the connection was saved: the operator's list may have changed since.
        if (hosts.RefusalOf(baseAddress) is { } notAllowed)
        {
            var refused = new GitHubSession(connection.Id, Client(new(connection.Id, baseAddress, budget, counters, settings, new TokenCredentials(""), runToken)), budget, resources);
            refused.Refuse(notAllowed);
            return refused;
        }

        string secret;
        try
        {
            secret = secrets.Unprotect(connection.ProtectedSecret);
        }
        catch (CryptographicException exception)
        {
            var refused = new GitHubSession(connection.Id, Client(new(connection.Id, baseAddress, budget, counters, settings, new TokenCredentials(""), runToken)), budget, resources);
            refused.Refuse($"The connection's secret cannot be decrypted ({exception.Message}); enter the token or key again.");
            return refused;
        }

        // GraphQL calls go down the same handler chain, but GitHub limits their points apart: a budget of their own.
        HttpClient GraphQL(IGitHubCredentials credentials)
        {
            var graphQLBudget = new GitHubApiBudget(settings.RequestsPerMinute, settings.MaxRateLimitWait, clock, evenlySpaced);
            var call = new GitHubCallContext(connection.Id, baseAddress, graphQLBudget, counters, settings, credentials, runToken);
            var http = new HttpClient(new GitHubSessionHandler(call) { InnerHandler = handlers.CreateHandler(GitHubCollectorOptions.HttpClientName) })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            };
            resources.Add(http);
            return http;
        }

        var graphQLEndpoint = GitHubGraphQLCounters.EndpointFor(baseAddress);
        if (connection.Kind == GitHubConnectionKind.PersonalAccessToken)
        {
            var token = new TokenCredentials(secret);
            return new GitHubSession(connection.Id, Client(new(connection.Id, baseAddress, budget, counters, settings, token, runToken)), budget, resources)
            {
                GraphQL = GraphQL(token),
                GraphQLEndpoint = graphQLEndpoint,
            };
        }

        // GitHub limits an App's own calls (signed with its JWT) apart from its installation's, so they have their own budget.
        var appBudget = new GitHubApiBudget(settings.RequestsPerMinute, settings.MaxRateLimitWait, clock);
        var appClient = Client(new(null, baseAddress, appBudget, counters, settings, new AppJwtCredentials(connection.AppId!.Value, secret, clock), runToken));
        var installation = new AppInstallationCredentials(appClient, connection.InstallationId!.Value, clock);
        resources.Add(installation);
        return new GitHubSession(connection.Id, Client(new(connection.Id, baseAddress, budget, counters, settings, installation, runToken)), budget, resources)
        {
            Installation = installation,
            GraphQL = GraphQL(installation),
            GraphQLEndpoint = graphQLEndpoint,
        };
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
