namespace GhStats.GitHub.Client;

/// <summary>
/// Adds the session's credentials to requests for its own API host, never to another host a redirect leads to
/// (Octokit follows redirects itself and drops the header when the host changes).
/// </summary>
internal sealed class GitHubAuthenticationHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = GitHubCallContext.Of(request);
        if (request.Headers.Authorization is null && request.RequestUri is { IsAbsoluteUri: true } uri
            && Uri.Compare(uri, call.BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            request.Headers.Authorization = await call.Credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
