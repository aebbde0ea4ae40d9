using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Shouldly;

namespace GhStats.Web.Tests.Harness;

/// <summary>
/// One caller of a <see cref="WebApp"/>: its own HttpClient and cookie jar, no automatic redirects, and either a
/// personal API token (Bearer) or a session cookie with the antiforgery token that cookie-authenticated changes need.
/// Paths are relative to the app's prefix, e.g. "api/v1/me".
/// </summary>
public sealed class WebCaller : IDisposable
{
    public const string AntiforgeryHeader = "RequestVerificationToken";

    public WebCaller(Uri baseAddress, string? token = null)
    {
        Cookies = new CookieContainer();
        Http = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        Token = token;
        if (token is not null)
        {
            Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    /// <summary>The personal API token sent as Bearer, if any.</summary>
    public string? Token { get; }

    /// <summary>The session's antiforgery token from GET api/v1/me, sent on unsafe methods when set.</summary>
    public string? AntiforgeryToken { get; set; }

    /// <summary>The profile id, once known (signed in, or made with a token).</summary>
    public long? UserId { get; set; }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<HttpResponseMessage> DeleteAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Delete, path));

    public Task<HttpResponseMessage> PostJsonAsync(string path, object? body) => SendAsync(WithJson(HttpMethod.Post, path, body));

    public Task<HttpResponseMessage> PutJsonAsync(string path, object? body) => SendAsync(WithJson(HttpMethod.Put, path, body));

    /// <summary>Sends a request, adding the antiforgery header to unsafe methods when the caller has a token and the request none.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var safe = request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options;
        if (!safe && AntiforgeryToken is not null && !request.Headers.Contains(AntiforgeryHeader))
        {
            request.Headers.Add(AntiforgeryHeader, AntiforgeryToken);
        }

        return Http.SendAsync(request);
    }

    /// <summary>GETs a JSON document and checks it answered 200.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>POSTs a JSON body and checks the status (201, 202 ...) before returning the JSON answer.</summary>
    public async Task<JsonElement> PostJsonExpectingAsync(string path, object? body, HttpStatusCode status)
    {
        using var response = await PostJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, $"POST {path}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Starts a collection of <paramref name="tenant"/> (the caller must be a maintainer) and waits up to 30 s for it to end.</summary>
    public async Task<JsonElement> CollectAsync(string tenant)
    {
        var started = await PostJsonExpectingAsync("api/v1/collect", new { tenant }, HttpStatusCode.Accepted);
        var runId = started.GetProperty("id").GetInt64();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonElement run;
        do
        {
            await Task.Delay(50);
            run = await GetJsonAsync($"api/v1/runs/{runId}");
        }
        while (run.GetProperty("status").GetString() == "running" && DateTime.UtcNow < deadline);
        return run;
    }

    public void Dispose() => Http.Dispose();

    /// <summary>A request with a JSON body (camelCase, with a Content-Length, as most clients send it).</summary>
    public static HttpRequestMessage WithJson(HttpMethod method, string path, object? body) =>
        new(method, path) { Content = body is null ? null : new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json") };
}
