using GhStats.Domain;
using GhStats.Web.Identity;

namespace GhStats.Web.Ui;

/// <summary>Which pages a caller may open; the menu shows only those, and every page checks again on the server.</summary>
internal sealed record UiNavigation(bool ManagesTenants, bool SeesCollectionLog, bool IsAdmin)
{
    public static UiNavigation For(GhStatsCaller caller) => new(
        ManagesTenants: caller.IsAdmin || caller.TenantRoles.Values.Any(role => role == TenantRole.Owner),
        SeesCollectionLog: caller.IsMaintainer,
        IsAdmin: caller.IsAdmin);
}
