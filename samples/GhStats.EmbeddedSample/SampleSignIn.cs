using System.Security.Claims;

namespace GhStats.EmbeddedSample;

/// <summary>
/// The app's own sign-in, which has nothing to do with GhStats. A real app signs people in with its identity provider
/// (OpenID Connect, Entra ID, ASP.NET Core Identity ...); this sample signs in a few demo users, in Development only.
/// </summary>
public static class SampleSignIn
{
    /// <summary>The app's cookie scheme; GhStats is told its name (HostScheme) and reads the principal it signs in.</summary>
    public const string Scheme = "Sample.Cookies";

    /// <summary>Demo users. alice@example.com is GhStats' bootstrap admin (appsettings.json); bob@example.com is invited nowhere.</summary>
    public static IReadOnlyList<DemoUser> DemoUsers { get; } =
    [
        new("u-1001", "alice@example.com", "Alice Admin"),
        new("u-1002", "bob@example.com", "Bob Builder"),
    ];

    /// <summary>The principal the app's cookie carries: the claims an identity provider would give (id, email, name).</summary>
    public static ClaimsPrincipal PrincipalFor(DemoUser user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim(ClaimTypes.Name, user.Name),
        ],
        Scheme));
}

/// <summary>A user of the sample app.</summary>
public sealed record DemoUser(string Id, string Email, string Name);
