using System.Net.Http.Headers;

namespace GhStats.GitHub.Client;

/// <summary>A personal access token, sent as <c>Authorization: token ...</c>.</summary>
internal sealed class TokenCredentials(string token) : IGitHubCredentials
{
    private readonly AuthenticationHeaderValue _header = new("token", token);

    public ValueTask<AuthenticationHeaderValue> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_header);
}
