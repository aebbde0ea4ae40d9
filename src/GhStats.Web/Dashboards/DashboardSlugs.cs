using System.Security.Cryptography;

namespace GhStats.Web.Dashboards;

/// <summary>
/// A dashboard's address segment: 96 random bits as 24 hex digits. Random rather than chosen, so an address can be neither
/// guessed nor used to learn that another tenant holds a name; unique in the installation.
/// </summary>
internal static class DashboardSlugs
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>Whether a path segment could be a slug at all; anything else is not looked up.</summary>
    public static bool IsWellFormed(string value) =>
        value.Length is > 0 and <= FieldLimits.DashboardSlug && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'z') or '-');
}
