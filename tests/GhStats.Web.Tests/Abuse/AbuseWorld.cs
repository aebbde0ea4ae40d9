using GhStats.Web.Tests.Harness;
using GhStats.Web.Tests.RoleMatrix;

namespace GhStats.Web.Tests.Abuse;

/// <summary>Who sends the generated requests: sessions (cookie and antiforgery token) for the roles, and tenant A's owner by API token.</summary>
public enum AbuseCaller
{
    Anonymous,
    ViewerOfA,
    OwnerOfA,
    TokenOfA,
    Admin,
    OwnerOfB,
}

/// <summary>
/// The role matrix's two tenants, served in the Development environment so callers can hold real sessions, with the abuse
/// limits off so that every generated request reaches the API instead of a 429.
/// </summary>
public sealed class AbuseWorld : MatrixWorld
{
    private readonly Dictionary<AbuseCaller, WebCaller> _callers = [];

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["GhStats:RateLimits:ApiToken:PermitLimit"] = "0",
        ["GhStats:RateLimits:Cron:PermitLimit"] = "0",
        ["GhStats:RateLimits:SignIn:PermitLimit"] = "0",
    };

    protected override string Environment => "Development";

    public WebCaller Caller(AbuseCaller caller) => _callers[caller];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _callers[AbuseCaller.Anonymous] = App.Anonymous();
        _callers[AbuseCaller.ViewerOfA] = await App.SignInAsync("viewer-a@matrix.example");
        _callers[AbuseCaller.OwnerOfA] = await App.SignInAsync("owner-a@matrix.example");
        _callers[AbuseCaller.TokenOfA] = CallerFor(MatrixCaller.OwnerOfA);
        _callers[AbuseCaller.Admin] = await App.SignInAsync("admin@matrix.example");
        _callers[AbuseCaller.OwnerOfB] = await App.SignInAsync("owner-b@matrix.example");
    }

    /// <summary>The markers a caller must never receive, as in the role matrix.</summary>
    public static IReadOnlyList<string> ForbiddenTo(AbuseCaller caller) => caller switch
    {
        AbuseCaller.Admin => [],
        AbuseCaller.ViewerOfA or AbuseCaller.OwnerOfA or AbuseCaller.TokenOfA => TenantMarkers.ForbiddenTo(MatrixCaller.OwnerOfA),
        AbuseCaller.OwnerOfB => TenantMarkers.ForbiddenTo(MatrixCaller.OwnerOfB),
        _ => TenantMarkers.ForbiddenTo(MatrixCaller.Anonymous),
    };
}
