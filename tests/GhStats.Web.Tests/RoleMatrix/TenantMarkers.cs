namespace GhStats.Web.Tests.RoleMatrix;

/// <summary>
/// The strings the matrix's tenants hold, grouped by who may see them. Each is unique, so finding one in a response
/// means that data was served; a marker the request itself named (a slug in the URL) is only an echo of the caller's input.
/// </summary>
public static class TenantMarkers
{
    public const string ASlug = "alfa-slug-k1";
    public const string AName = "Alfa Name K2";
    public const string AConnection = "alfa-conn-k8";
    public const string ATrackedOwner = "alfa-tracked-owner-k9";
    public const string ATrackedOwnerPattern = "alfa-pattern-k10-*";
    public const string AChannel = "alfa-chan-k11";

    public const string AGrantedOwner = "alfa-granted-k3";
    public const string AGrantedRepository = "alfa-granted-repo-k4";
    public const string AGrantedReferrer = "alfa-granted-ref-k5.example";
    public const string AGrantedPath = "/alfa-granted-path-k6";
    public const string AGrantedTitle = "Alfa Granted Title K7";

    public const string AHiddenOwner = "alfa-hidden-k3";
    public const string AHiddenRepository = "alfa-hidden-repo-k4";
    public const string AHiddenReferrer = "alfa-hidden-ref-k5.example";
    public const string AHiddenPath = "/alfa-hidden-path-k6";
    public const string AHiddenTitle = "Alfa Hidden Title K7";

    public const string BSlug = "bravo-slug-k1";
    public const string BName = "Bravo Name K2";
    public const string BConnection = "bravo-conn-k8";
    public const string BTrackedOwner = "bravo-tracked-owner-k9";
    public const string BTrackedOwnerPattern = "bravo-pattern-k10-*";
    public const string BChannel = "bravo-chan-k11";
    public const string BOwner = "bravo-owner-k3";
    public const string BRepository = "bravo-repo-k4";
    public const string BReferrer = "bravo-ref-k5.example";
    public const string BPath = "/bravo-path-k6";
    public const string BTitle = "Bravo Title K7";

    /// <summary>Tenant A itself: whoever sees the tenant at all (members, the grant holder, admins).</summary>
    public static readonly IReadOnlyList<string> TenantA = [ASlug, AName];

    /// <summary>The granted repository of A: its members, the grant holder, admins.</summary>
    public static readonly IReadOnlyList<string> GrantedInA = [AGrantedOwner, AGrantedRepository, AGrantedReferrer, AGrantedPath, AGrantedTitle];

    /// <summary>The rest of A (its other repository, its connection, its tracked owner, its notification channel): members and admins only.</summary>
    public static readonly IReadOnlyList<string> HiddenInA = [AHiddenOwner, AHiddenRepository, AHiddenReferrer, AHiddenPath, AHiddenTitle, AConnection, ATrackedOwner, ATrackedOwnerPattern, AChannel];

    /// <summary>Everything of B: its owner and admins.</summary>
    public static readonly IReadOnlyList<string> TenantB = [BSlug, BName, BConnection, BOwner, BRepository, BReferrer, BPath, BTitle, BTrackedOwner, BTrackedOwnerPattern, BChannel];

    /// <summary>The markers a caller must never receive.</summary>
    public static IReadOnlyList<string> ForbiddenTo(MatrixCaller caller) => caller switch
    {
        MatrixCaller.Admin => [],
        MatrixCaller.OwnerOfA or MatrixCaller.ViewerOfA => TenantB,
        MatrixCaller.GrantHolderInA => [.. HiddenInA, .. TenantB],
        MatrixCaller.OwnerOfB => [.. TenantA, .. GrantedInA, .. HiddenInA],
        _ => [.. TenantA, .. GrantedInA, .. HiddenInA, .. TenantB],
    };
}
