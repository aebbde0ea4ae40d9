namespace GhStats.Testing.Oidc;

/// <summary>The next request an <see cref="OidcSignInDriver"/> makes: method, address and, for a submitted form, its fields.</summary>
internal sealed record BrowserRequest(HttpMethod Method, Uri Uri, IReadOnlyList<KeyValuePair<string, string>>? Fields)
{
    /// <summary>A new message for this request (a message can be sent only once, and 307/308 repeat a request).</summary>
    public HttpRequestMessage ToMessage()
    {
        if (Fields is null)
        {
            return new HttpRequestMessage(Method, Uri);
        }

        if (Method == HttpMethod.Get)
        {
            var query = string.Join('&', Fields.Select(field => Uri.EscapeDataString(field.Key) + "=" + Uri.EscapeDataString(field.Value)));
            return new HttpRequestMessage(Method, new UriBuilder(Uri) { Query = query }.Uri);
        }

        return new HttpRequestMessage(Method, Uri) { Content = new FormUrlEncodedContent(Fields) };
    }
}
