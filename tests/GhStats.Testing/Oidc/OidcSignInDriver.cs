using System.Globalization;
using System.Net;

namespace GhStats.Testing.Oidc;

/// <summary>
/// A browserless sign-in for integration tests: from a relying-party address (e.g. <c>http://127.0.0.1:5099/signin</c>)
/// it follows redirects across the relying party and the provider, fills the provider's login form, confirms the
/// provider's sign-out page and submits self-submitting forms (<c>response_mode=form_post</c>, ASP.NET Core's
/// form-post redirects), keeping every cookie in one <see cref="CookieContainer"/>. Afterwards <see cref="Http"/>
/// calls the relying party as the signed-in user.
/// <code>
/// using var driver = new OidcSignInDriver();
/// var result = await driver.SignInAsync(new Uri(relyingParty, "/signin"), "alice@example.com");
/// var me = await driver.Http.GetAsync(new Uri(relyingParty, "/api/me"));
/// </code>
/// </summary>
public sealed class OidcSignInDriver : IDisposable
{
    private static readonly HashSet<HttpStatusCode> RedirectStatuses =
    [
        HttpStatusCode.MovedPermanently,
        HttpStatusCode.Found,
        HttpStatusCode.SeeOther,
        HttpStatusCode.TemporaryRedirect,
        HttpStatusCode.PermanentRedirect,
    ];

    /// <summary>Creates a driver with an empty cookie jar.</summary>
    public OidcSignInDriver()
        : this(new CookieContainer())
    {
    }

    /// <summary>Creates a driver that keeps its cookies in <paramref name="cookies"/>.</summary>
    public OidcSignInDriver(CookieContainer cookies)
    {
        ArgumentNullException.ThrowIfNull(cookies);
        Cookies = cookies;

        // Redirects are followed here, one by one, so each step is seen and recorded.
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>Every cookie the relying party and the provider have set (both on 127.0.0.1: cookies ignore ports).</summary>
    public CookieContainer Cookies { get; }

    /// <summary>An HTTP client that sends <see cref="Cookies"/> and does not follow redirects, for calls as the signed-in user.</summary>
    public HttpClient Http { get; }

    /// <summary>How many requests one run may make before it is taken for a redirect loop; 30 unless set.</summary>
    public int MaxSteps { get; init; } = 30;

    /// <summary>
    /// Starts at <paramref name="start"/> and signs in as <paramref name="login"/> (an account's subject or email) when
    /// the provider's login form appears. A refused login stops at the form again, with
    /// <see cref="OidcSignInResult.IsLoginForm"/> true and <see cref="OidcSignInResult.LoginError"/> set.
    /// </summary>
    public Task<OidcSignInResult> SignInAsync(Uri start, string login, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        return RunAsync(start, login, cancellationToken);
    }

    /// <summary>
    /// Starts at <paramref name="start"/> and goes as far as a browser would without typing anything: redirects,
    /// self-submitting forms and the provider's sign-out confirmation (answered yes). Stops at the login form, with
    /// <see cref="OidcSignInResult.IsLoginForm"/> true, when a sign-in needs one. Use it for sign-out, or to check
    /// that the provider's session signs a user in again without asking.
    /// </summary>
    public Task<OidcSignInResult> FollowAsync(Uri start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        return RunAsync(start, login: null, cancellationToken);
    }

    /// <summary>Disposes <see cref="Http"/>.</summary>
    public void Dispose() => Http.Dispose();

    private static BrowserRequest Submit(Uri page, HtmlForm form, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var action = string.IsNullOrEmpty(form.Action) ? page : new Uri(page, form.Action);
        var method = form.Method == "POST" ? HttpMethod.Post : HttpMethod.Get;
        return new BrowserRequest(method, action, [.. fields]);
    }

    private static IEnumerable<KeyValuePair<string, string>> WithLogin(IEnumerable<KeyValuePair<string, string>> fields, string login)
    {
        var replaced = false;
        foreach (var field in fields)
        {
            if (field.Key == OidcProviderPages.LoginFieldName)
            {
                replaced = true;
                yield return new(field.Key, login);
            }
            else
            {
                yield return field;
            }
        }

        if (!replaced)
        {
            yield return new(OidcProviderPages.LoginFieldName, login);
        }
    }

    private async Task<OidcSignInResult> RunAsync(Uri start, string? login, CancellationToken cancellationToken)
    {
        var steps = new List<string>();
        var next = new BrowserRequest(HttpMethod.Get, start, null);
        var loginSubmitted = false;
        while (steps.Count < MaxSteps)
        {
            steps.Add($"{next.Method} {next.Uri}");
            using var request = next.ToMessage();
            HttpResponseMessage response;
            try
            {
                response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new InvalidOperationException($"{next.Method} {next.Uri} failed: {ex.Message}. Steps so far:{Environment.NewLine}{Describe(steps)}", ex);
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (RedirectStatuses.Contains(response.StatusCode) && response.Headers.Location is { } location)
                {
                    // 307 and 308 repeat the request as it was; the others continue with a GET, as browsers do.
                    var target = new Uri(next.Uri, location);
                    next = response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
                        ? next with { Uri = target }
                        : new BrowserRequest(HttpMethod.Get, target, null);
                    continue;
                }

                var page = IsHtml(response) ? HtmlPage.Read(body) : null;
                var loginForm = page?.FormWithId(OidcProviderPages.LoginFormId);
                if (loginForm is not null)
                {
                    if (login is null || loginSubmitted)
                    {
                        var error = page!.TextOfElementWithId(OidcProviderPages.LoginErrorId);
                        return new OidcSignInResult(response.StatusCode, next.Uri, body, steps, IsLoginForm: true, error);
                    }

                    loginSubmitted = true;
                    next = Submit(next.Uri, loginForm, WithLogin(loginForm.Fields, login));
                    continue;
                }

                if (page?.ButtonWithId(OidcProviderPages.LogoutConfirmButtonId) is { } confirm
                    && confirm.TryGetValue("form", out var formId)
                    && page.FormWithId(formId) is { } logoutForm)
                {
                    var answer = new KeyValuePair<string, string>(confirm.GetValueOrDefault("name", string.Empty), confirm.GetValueOrDefault("value", string.Empty));
                    next = Submit(next.Uri, logoutForm, answer.Key.Length == 0 ? logoutForm.Fields : [.. logoutForm.Fields, answer]);
                    continue;
                }

                if (page is { SubmitsItself: true, Forms: [var selfSubmitting] })
                {
                    next = Submit(next.Uri, selfSubmitting, selfSubmitting.Fields);
                    continue;
                }

                return new OidcSignInResult(response.StatusCode, next.Uri, body, steps, IsLoginForm: false, LoginError: null);
            }
        }

        throw new InvalidOperationException(
            $"Sign-in from {start} made {MaxSteps.ToString(CultureInfo.InvariantCulture)} requests without reaching a final page (a redirect loop?):{Environment.NewLine}{Describe(steps)}");
    }

    private static bool IsHtml(HttpResponseMessage response) =>
        string.Equals(response.Content.Headers.ContentType?.MediaType, "text/html", StringComparison.OrdinalIgnoreCase);

    private static string Describe(IEnumerable<string> steps) => string.Join(Environment.NewLine, steps.Select(step => "    " + step));
}
