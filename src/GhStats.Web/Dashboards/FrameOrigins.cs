using System.Globalization;
using GhStats.Web.Api;

namespace GhStats.Web.Dashboards;

/// <summary>
/// The origins an Owner lets frame a public dashboard: https origins (scheme, host and port; no path, query, fragment,
/// user or wildcard), or http on a loopback host for trying it out locally. They become the page's CSP frame-ancestors.
/// </summary>
internal static class FrameOrigins
{
    public const int MaxCount = 10;

    /// <summary>The origins in their canonical form (lower case, default port left out), or a 400 problem that names the bad one.</summary>
    public static IReadOnlyList<string> Parse(IReadOnlyList<string>? values)
    {
        var origins = new List<string>();
        foreach (var value in values ?? [])
        {
            var origin = Canonical(value?.Trim() ?? string.Empty)
                ?? throw ApiProblems.Invalid("FrameOriginInvalid", value);
            if (!origins.Contains(origin, StringComparer.Ordinal))
            {
                origins.Add(origin);
            }
        }

        return origins.Count > MaxCount
            ? throw ApiProblems.Invalid("FrameOriginsTooMany", MaxCount)
            : origins;
    }

    /// <summary>The CSP directive: exactly the allowed origins, or 'none'.</summary>
    public static string Ancestors(IReadOnlyList<string> origins) =>
        "frame-ancestors " + (origins.Count == 0 ? "'none'" : string.Join(' ', origins));

    private static string? Canonical(string value)
    {
        if (value.Length == 0 || value.Contains('*', StringComparison.Ordinal) || value.Any(char.IsWhiteSpace)
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.AbsolutePath != "/"
            || uri.HostNameType is UriHostNameType.Unknown or UriHostNameType.Basic)
        {
            return null;
        }

        var allowed = uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
        // A CSP source names an international host in its ASCII form.
        var port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        return allowed ? $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}{port}" : null;
    }
}
