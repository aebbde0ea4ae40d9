namespace GhStats.Web.SignIn;

/// <summary>
/// The one place a return address after sign-in is checked: ASP.NET Core's local-URL rule (a path that starts with one
/// <c>/</c>, no control characters) made stricter, because browsers forgive what servers would not (<c>/\t/evil</c>
/// becomes <c>//evil</c>). It must also stay inside GhStats' prefix. Anything else becomes the module's start page.
/// </summary>
internal static class ReturnAddress
{
    /// <summary>The address to go back to, or the module's start page when <paramref name="url"/> is not a safe one.</summary>
    public static string Within(GhStatsPaths paths, string? url) => IsSafe(paths.Prefix, url) ? url! : paths.Prefix + "/";

    internal static bool IsSafe(string prefix, string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/' || (url.Length > 1 && url[1] is '/' or '\\'))
        {
            return false;
        }

        // No backslash, control or white-space character anywhere: browsers drop or reinterpret them.
        foreach (var c in url)
        {
            if (c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        var path = url.AsSpan(0, url.AsSpan().IndexOfAny('?', '#') is var end and >= 0 ? end : url.Length);

        // Encoded slashes, backslashes, dots and control characters have no business in a path GhStats links to.
        if (HasEncodedDanger(path) || HasDotSegment(path))
        {
            return false;
        }

        return prefix.Length == 0
            || (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (path.Length == prefix.Length || path[prefix.Length] == '/'));
    }

    private static bool HasEncodedDanger(ReadOnlySpan<char> path)
    {
        for (var i = path.IndexOf('%'); i >= 0; i = path.Slice(i + 1).IndexOf('%') is var next and >= 0 ? i + 1 + next : -1)
        {
            if (i + 2 >= path.Length || !byte.TryParse(path.Slice(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var value))
            {
                return true;
            }

            if (value < 0x20 || value == 0x7f || value is (byte)'/' or (byte)'\\' or (byte)'.' or (byte)'%')
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasDotSegment(ReadOnlySpan<char> path)
    {
        foreach (var range in path.Split('/'))
        {
            if (path[range] is "." or "..")
            {
                return true;
            }
        }

        return false;
    }
}
