using GhStats.GitHub.Collection;

namespace GhStats.GitHub.Client;

/// <summary>
/// What the shared handlers of the GitHub client need to know of one connection in one run, carried on every request
/// (<see cref="HttpRequestMessage.Options"/>): the handlers come from <c>IHttpClientFactory</c> and are pooled, so
/// per-run state cannot live in them.
/// </summary>
internal sealed class GitHubCallContext(
    long? connectionId,
    Uri baseAddress,
    GitHubApiBudget budget,
    RunCounters counters,
    GitHubCollectorOptions settings,
    IGitHubCredentials credentials,
    CancellationToken runToken)
{
    public static readonly HttpRequestOptionsKey<GitHubCallContext> Key = new("GhStats.GitHub.Call");

    /// <summary>The connection whose rate limit is reported; null for a GitHub App's own calls, which GitHub limits separately.</summary>
    public long? ConnectionId { get; } = connectionId;

    /// <summary>The API root, e.g. https://api.github.com/; credentials are sent to its host only.</summary>
    public Uri BaseAddress { get; } = baseAddress;

    public GitHubApiBudget Budget { get; } = budget;

    public RunCounters Counters { get; } = counters;

    public GitHubCollectorOptions Settings { get; } = settings;

    public IGitHubCredentials Credentials { get; } = credentials;

    /// <summary>The run's token: Octokit's methods take none, so every request, wait and retry of the run links to it.</summary>
    public CancellationToken RunToken { get; } = runToken;

    /// <summary>The context a request carries.</summary>
    /// <exception cref="InvalidOperationException">For a request that did not come through a GhStats session.</exception>
    public static GitHubCallContext Of(HttpRequestMessage request) =>
        Find(request) ?? throw new InvalidOperationException(
            $"The '{GitHubCollectorOptions.HttpClientName}' HTTP client serves GhStats' GitHub sessions only; a request without a session reached it.");

    public static GitHubCallContext? Find(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out var call) ? call : null;
}
