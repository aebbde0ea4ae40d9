using GhStats.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GhStats.Web.SignIn;

/// <summary>
/// OpenID Connect sign-in: authorization code with PKCE, answered by query (so the correlation cookie can be
/// SameSite=Lax and works on plain http loopback too), claims from the userinfo endpoint, and the profile binding
/// before the session cookie is written.
/// </summary>
internal static class OidcSignIn
{
    public static void Configure(OpenIdConnectOptions options, GhStatsPaths paths, IOptionsMonitor<GhStatsAuthenticationOptions> monitor)
    {
        var settings = monitor.CurrentValue;
        var oidc = settings.Oidc;
        options.Authority = oidc.Authority;
        options.ClientId = oidc.ClientId;
        options.ClientSecret = oidc.ClientSecret;
        options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = true;
        options.SaveTokens = false;
        options.SignInScheme = GhStatsAuthenticationSchemes.Cookie;
        options.CallbackPath = paths.Prefix + "/signin-oidc";
        options.SignedOutCallbackPath = paths.Prefix + "/signout-callback-oidc";
        options.Scope.Clear();
        foreach (var scope in oidc.Scopes)
        {
            options.Scope.Add(scope);
        }

        foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        }

        // The handler drops "iss" by default; the profile is keyed by it. email_verified comes from userinfo.
        options.ClaimActions.Remove("iss");
        options.ClaimActions.MapUniqueJsonKey(settings.ClaimNames.EmailVerified, settings.ClaimNames.EmailVerified);
        options.ClaimActions.MapUniqueJsonKey(settings.ClaimNames.Email, settings.ClaimNames.Email);
        options.ClaimActions.MapUniqueJsonKey(settings.ClaimNames.Name, settings.ClaimNames.Name);

        options.Events = new OpenIdConnectEvents
        {
            OnTicketReceived = context => BindProfileAsync(context, monitor.CurrentValue),
            OnRemoteFailure = context =>
            {
                context.HandleResponse();
                return SignInPages.WriteMessageAsync(context.HttpContext, StatusCodes.Status400BadRequest, "SignInFailed", "ProviderAnswerUnusable", paths,
                    context.Failure?.Message);
            },
        };
    }

    private static async Task BindProfileAsync(TicketReceivedContext context, GhStatsAuthenticationOptions settings)
    {
        var identity = context.Principal is { } principal ? IdentityClaims.Read(principal, settings, settings.Oidc.Authority!) : null;
        if (identity is null)
        {
            context.HandleResponse();
            await SignInPages.WriteMessageAsync(context.HttpContext, StatusCodes.Status403Forbidden, "SignInRefused", "NoSubjectClaim",
                context.HttpContext.RequestServices.GetRequiredService<GhStatsPaths>());
            return;
        }

        var binder = context.HttpContext.RequestServices.GetRequiredService<ProfileBinder>();
        var binding = await binder.AdmitAsync(identity, context.HttpContext.RequestAborted);
        if (binding.Profile is null)
        {
            context.HandleResponse();
            await SignInPages.WriteRefusalAsync(context.HttpContext, StatusCodes.Status403Forbidden, "SignInRefused", binding.Refusal!,
                context.HttpContext.RequestServices.GetRequiredService<GhStatsPaths>());
            return;
        }

        context.Principal = await SessionPrincipal.ForAsync(context.HttpContext, binding.Profile, developmentSignIn: false);

        // A language chosen on another browser comes along to this one.
        GhStats.Web.Localization.LanguageCookie.Remember(context.HttpContext, binding.Profile.Language,
            context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
    }
}
