using System.Net;
using GhStats.Testing.Oidc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GhStats.Testing.Tests.Oidc;

/// <summary>
/// A tiny ASP.NET Core app signing in with the stock OpenIdConnect handler and cookies, the way the web module does:
/// /signin challenges, /me answers the signed-in user's claims as JSON (401 otherwise), /signout signs out of both,
/// /echo answers 200 to anything (a redirect target for raw protocol tests).
/// </summary>
public sealed class RelyingParty : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RelyingParty(WebApplication app, Uri baseAddress, OidcClient client)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = client;
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>This app as a client of the provider: its id, secret and callback addresses.</summary>
    public OidcClient Client { get; }

    /// <summary>Challenges with the OpenIdConnect handler, then lands on <see cref="Me"/>.</summary>
    public Uri SignIn => new(BaseAddress, "signin");

    /// <summary>The signed-in user's claims as a JSON object (first value per type), or 401.</summary>
    public Uri Me => new(BaseAddress, "me");

    /// <summary>Signs out of the cookie and at the provider, then lands on /signed-out.</summary>
    public Uri SignOut => new(BaseAddress, "signout");

    /// <summary>Answers 200 "echo" to any query: a registered redirect URI for hand-made authorization requests.</summary>
    public Uri Echo => new(BaseAddress, "echo");

    /// <summary>Starts the app on 127.0.0.1 and a free port, as client <paramref name="clientId"/> of <paramref name="issuer"/>.</summary>
    public static async Task<RelyingParty> StartAsync(Uri issuer, string clientId, string clientSecret, string responseMode)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest)
            .AddOpenIdConnect(options =>
            {
                options.Authority = issuer.AbsoluteUri;
                options.RequireHttpsMetadata = false;
                options.ClientId = clientId;
                options.ClientSecret = clientSecret;
                options.ResponseType = "code";
                options.ResponseMode = responseMode;
                options.UsePkce = true;
                options.Scope.Clear();
                options.Scope.Add("openid");
                options.Scope.Add("email");
                options.Scope.Add("profile");

                // Claims keep their JWT names, and come from the id_token alone: no userinfo call.
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.SaveTokens = true;

                // Plain-http loopback: the default Secure, SameSite=None cookies would not come back from a browser.
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.Events.OnRemoteFailure = async context =>
                {
                    // The reason, in the body the sign-in driver returns, instead of an exception page.
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    await context.Response.WriteAsync("remote failure: " + context.Failure?.Message);
                    context.HandleResponse();
                };
            });

        var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/signin", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/me" }));
        app.MapGet("/me", (HttpContext context) => context.User.Identity?.IsAuthenticated == true
            ? Results.Json(context.User.Claims.GroupBy(claim => claim.Type).ToDictionary(group => group.Key, group => group.First().Value))
            : Results.Unauthorized());
        app.MapGet("/signout", () => Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/signed-out" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        app.MapGet("/signed-out", () => Results.Text("signed out"));
        app.MapGet("/echo", () => Results.Text("echo"));
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var baseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        var client = new OidcClient(clientId, clientSecret, [new Uri(baseAddress, "signin-oidc"), new Uri(baseAddress, "echo")], [new Uri(baseAddress, "signout-callback-oidc")]);
        return new RelyingParty(app, baseAddress, client);
    }

    /// <summary>Stops the app.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
