using System.Net.Http.Headers;

namespace GhStats.GitHub.Client;

/// <summary>A GitHub App acting as itself: a freshly signed JWT, sent as <c>Authorization: Bearer ...</c>.</summary>
internal sealed class AppJwtCredentials(long appId, string privateKeyPem, TimeProvider clock) : IGitHubCredentials
{
    public ValueTask<AuthenticationHeaderValue> GetAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new AuthenticationHeaderValue("Bearer", GitHubAppJwt.Create(appId, privateKeyPem, clock.GetUtcNow())));
}
