using System.Net.Http.Headers;

namespace GhStats.GitHub.Client;

/// <summary>What a session's requests are authenticated with; <see cref="GitHubAuthenticationHandler"/> asks it for every request.</summary>
internal interface IGitHubCredentials
{
    /// <summary>The <c>Authorization</c> header for the next request.</summary>
    ValueTask<AuthenticationHeaderValue> GetAsync(CancellationToken cancellationToken);
}
