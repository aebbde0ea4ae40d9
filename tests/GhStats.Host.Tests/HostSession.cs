using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shouldly;

namespace GhStats.Host.Tests;

/// <summary>
/// One caller's HTTP conversation with one host, as a browser or script has it: a cookie jar, redirects not followed,
/// and either a session cookie (from the development sign-in) or a personal API token.
/// </summary>
internal sealed partial class HostSession : IDisposable
{
    public const string SessionCookieName = ".GhStats.Session";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;

    private HostSession(Uri host, CookieContainer cookies, string? bearerToken)
    {
        Host = host;
        Cookies = cookies;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = host,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (bearerToken is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
    }

    public Uri Host { get; }

    public CookieContainer Cookies { get; }

    /// <summary>The antiforgery token a cookie session sends with changes, from its last GET /api/v1/me.</summary>
    public string? AntiforgeryToken { get; private set; }

    public static HostSession Anonymous(Uri host) => new(host, new CookieContainer(), bearerToken: null);

    public static HostSession WithToken(Uri host, string token) => new(host, new CookieContainer(), token);

    /// <summary>A session on <paramref name="host"/> that sends every cookie this one holds, as a browser behind a load balancer would.</summary>
    public HostSession OnHost(Uri host)
    {
        var cookies = new CookieContainer();
        foreach (var cookie in Cookies.GetAllCookies().Cast<Cookie>())
        {
            cookies.Add(host, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        }

        return new HostSession(host, cookies, bearerToken: null) { AntiforgeryToken = AntiforgeryToken };
    }

    /// <summary>Signs in through the development sign-in (Development environment, loopback only) and returns GET /api/v1/me.</summary>
    public async Task<ApiWire.Me> SignInAsync(string email)
    {
        using var answer = await TrySignInAsync(email);
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"The development sign-in of {email} answered: {await answer.Content.ReadAsStringAsync()}");
        Cookies.GetAllCookies().Cast<Cookie>().ShouldContain(c => c.Name == SessionCookieName, "The sign-in set no session cookie.");
        return await MeAsync();
    }

    /// <summary>Loads the development sign-in form, then posts it with its antiforgery field and cookie; returns the post's answer.</summary>
    public async Task<HttpResponseMessage> TrySignInAsync(string email)
    {
        using var form = await _http.GetAsync(new Uri("signin/development?returnUrl=%2F", UriKind.Relative));
        var page = await form.Content.ReadAsStringAsync();
        form.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        var hidden = HiddenField().Match(page);
        hidden.Success.ShouldBeTrue($"The sign-in form has no antiforgery field:\n{page}");

        using var fields = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [WebUtility.HtmlDecode(hidden.Groups["name"].Value)] = WebUtility.HtmlDecode(hidden.Groups["value"].Value),
            ["returnUrl"] = "/",
            ["email"] = email,
        });
        return await _http.PostAsync(new Uri("signin/development", UriKind.Relative), fields);
    }

    /// <summary>GET /api/v1/me, which must answer 200; keeps the antiforgery token it carries.</summary>
    public async Task<ApiWire.Me> MeAsync()
    {
        var me = await GetAsync<ApiWire.Me>("api/v1/me");
        AntiforgeryToken = me.AntiforgeryToken ?? AntiforgeryToken;
        return me;
    }

    /// <summary>GET <paramref name="path"/>, which must answer 200 with JSON of type <typeparamref name="T"/>.</summary>
    public async Task<T> GetAsync<T>(string path)
    {
        using var answer = await _http.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync<T>(answer, HttpStatusCode.OK);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>GET <paramref name="path"/>'s status and body as text, for assertion messages.</summary>
    public async Task<string> TextAsync(string path)
    {
        using var answer = await GetAsync(path);
        return $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}";
    }

    /// <summary>Sends JSON; a cookie session adds its antiforgery token, as the API asks of changes made with a cookie.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        if (AntiforgeryToken is not null && _http.DefaultRequestHeaders.Authorization is null)
        {
            request.Headers.Add("RequestVerificationToken", AntiforgeryToken);
        }

        return await _http.SendAsync(request);
    }

    /// <summary>POSTs JSON, which must answer <paramref name="expected"/> with JSON of type <typeparamref name="T"/>.</summary>
    public async Task<T> PostAsync<T>(string path, object? body, HttpStatusCode expected)
    {
        using var answer = await SendAsync(HttpMethod.Post, path, body);
        return await ReadAsync<T>(answer, expected);
    }

    /// <summary>Polls GET /api/v1/runs/{id} until the run has finished.</summary>
    public async Task<ApiWire.Run> WaitForRunAsync(long runId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var run = await GetAsync<ApiWire.Run>($"api/v1/runs/{runId}");
            if (run.FinishedAt is not null)
            {
                return run;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Run {runId} was still {run.Status} after 60 s.");
            }

            await Task.Delay(100);
        }
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage answer, HttpStatusCode expected)
    {
        var text = await answer.Content.ReadAsStringAsync();
        answer.StatusCode.ShouldBe(expected, $"{answer.RequestMessage?.Method} {answer.RequestMessage?.RequestUri} answered: {text}");
        return JsonSerializer.Deserialize<T>(text, Json) ?? throw new InvalidOperationException($"The answer was JSON null: {text}");
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenField();
}
