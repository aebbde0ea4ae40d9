using System.Globalization;
using System.Net;

namespace GhStats.GitHub.Client;

/// <summary>
/// The innermost of GhStats' handlers on the GitHub client, next to the socket: sends a session's requests only to its
/// own API origin (scheme, host and port: a <c>Link: rel=next</c> elsewhere is refused), takes no redirect (Octokit
/// would follow it itself), and reads every answer's body here, at most <see cref="GitHubCollectorOptions.MaxResponseBytes"/>,
/// so nothing above buffers more and a slow body counts against the attempt's timeout.
/// </summary>
internal sealed class GitHubResponseGuard : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = GitHubCallContext.Of(request);
        if (request.RequestUri is not { IsAbsoluteUri: true } uri
            || Uri.Compare(uri, call.BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new GitHubRequestRefusedException(
                $"The GitHub API at {call.BaseAddress} pointed GhStats to another host, scheme or port; GhStats calls the connection's own API address only.");
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.StatusCode != HttpStatusCode.NotModified)
            {
                throw new GitHubRequestRefusedException(string.Create(CultureInfo.InvariantCulture,
                    $"The GitHub API at {call.BaseAddress} answered with a redirect ({status}); GhStats follows none: set the connection's API base URL to the address the API answers at."));
            }

            var limit = call.Settings.MaxResponseBytes;
            if (response.Content.Headers.ContentLength > limit)
            {
                throw TooLarge(call, limit);
            }

            response.Content = await ReadLimitedAsync(response.Content, call, limit, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task<HttpContent> ReadLimitedAsync(HttpContent content, GitHubCallContext call, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw TooLarge(call, limit);
                }

                buffer.Write(chunk, 0, read);
            }
        }

        var replacement = new ByteArrayContent(buffer.ToArray());
        foreach (var header in content.Headers)
        {
            replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        content.Dispose();
        return replacement;
    }

    private static GitHubRequestRefusedException TooLarge(GitHubCallContext call, long limit) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"The GitHub API at {call.BaseAddress} answered with more than {limit} bytes, the limit GhStats:Collector:MaxResponseBytes sets; the answer was not read."));
}
