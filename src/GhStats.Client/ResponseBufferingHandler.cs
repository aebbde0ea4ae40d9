namespace GhStats.Client;

/// <summary>
/// Reads JSON answers and error answers whole while the call's timeout still runs, so a server that sends headers
/// and then stalls times out instead of hanging the caller. CSV exports stay streams.
/// </summary>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // HttpClient passes a token that also fires at its Timeout, so the read below is bounded by it.
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var media = response.Content.Headers.ContentType?.MediaType;
        var isJson = media is not null
            && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        if (isJson || !response.IsSuccessStatusCode)
        {
            try
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        return response;
    }
}
