using Octokit;

namespace GhStats.GitHub.Client;

/// <summary>Gives Octokit a GitHub App installation token for every request, fetching a new one before the current one expires.</summary>
internal sealed class AppInstallationCredentials(IGitHubClient appClient, long appId, string privateKeyPem, long installationId, TimeProvider clock) : ICredentialStore, IDisposable
{
    private static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Credentials? _current;
    private DateTimeOffset _expiresAt;

    /// <summary>How many installation tokens this run fetched.</summary>
    public int TokensIssued { get; private set; }

    public async Task<Credentials> GetCredentials()
    {
        if (_current is { } current && clock.GetUtcNow() < _expiresAt - RefreshBefore)
        {
            return current;
        }

        await _refresh.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_current is null || clock.GetUtcNow() >= _expiresAt - RefreshBefore)
            {
                appClient.Connection.Credentials = new Credentials(GitHubAppJwt.Create(appId, privateKeyPem, clock.GetUtcNow()), AuthenticationType.Bearer);
                var token = await appClient.GitHubApps.CreateInstallationToken(installationId).ConfigureAwait(false);
                _current = new Credentials(token.Token);
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
    public async Task<GitHubApp> GetAppAsync()
    {
        await _refresh.WaitAsync().ConfigureAwait(false);
        try
        {
            appClient.Connection.Credentials = new Credentials(GitHubAppJwt.Create(appId, privateKeyPem, clock.GetUtcNow()), AuthenticationType.Bearer);
            return await appClient.GitHubApps.GetCurrent().ConfigureAwait(false);
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();
}
