using System.Net.Http.Headers;
using Octokit;

namespace GhStats.GitHub.Client;

/// <summary>
/// A GitHub App installation's token for every request, fetched with the App's own client (signed with its JWT) and
/// fetched again before it expires.
/// </summary>
internal sealed class AppInstallationCredentials(IGitHubClient appClient, long installationId, TimeProvider clock) : IGitHubCredentials, IDisposable
{
    private static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private AuthenticationHeaderValue? _current;
    private DateTimeOffset _expiresAt;

    /// <summary>How many installation tokens this run fetched.</summary>
    public int TokensIssued { get; private set; }

    public async ValueTask<AuthenticationHeaderValue> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current && clock.GetUtcNow() < _expiresAt - RefreshBefore)
        {
            return current;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is null || clock.GetUtcNow() >= _expiresAt - RefreshBefore)
            {
                // Octokit's methods take no token: the App client's session carries the run's.
                var token = await appClient.GitHubApps.CreateInstallationToken(installationId).WaitAsync(cancellationToken).ConfigureAwait(false);
                _current = new AuthenticationHeaderValue("token", token.Token);
                _expiresAt = token.ExpiresAt;
                TokensIssued++;
            }

            return _current;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>The App itself (<c>GET /app</c>, signed with a fresh JWT): its id, slug and name.</summary>
    public Task<GitHubApp> GetAppAsync(CancellationToken cancellationToken) => appClient.GitHubApps.GetCurrent().WaitAsync(cancellationToken);

    public void Dispose() => _refresh.Dispose();
}
