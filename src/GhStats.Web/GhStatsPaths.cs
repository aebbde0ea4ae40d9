namespace GhStats.Web;

/// <summary>Where MapGhStats put the module; sign-in and cookie paths follow it.</summary>
internal sealed class GhStatsPaths
{
    private string? _prefix;

    /// <summary>The prefix, "" for the root or e.g. "/stats"; never ends with a slash.</summary>
    public string Prefix => _prefix ?? string.Empty;

    public bool IsMapped => _prefix is not null;

    public string Api => Prefix + "/api";

    public string SignIn => Prefix + "/signin";

    public void MapAt(string prefix)
    {
        if (_prefix is not null && _prefix != prefix)
        {
            throw new InvalidOperationException($"MapGhStats was already called with the prefix '{_prefix}'; GhStats can be mapped once per app.");
        }

        _prefix = prefix;
    }

    /// <summary>Whether a request path is one of the API's, so it answers 401 rather than redirecting to sign-in.</summary>
    public bool IsApi(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments(Api, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a request path is GhStats' own (everything when mapped at the root), so GhStats picks its language.</summary>
    public bool Owns(Microsoft.AspNetCore.Http.PathString path) =>
        IsMapped && (Prefix.Length == 0 || path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase));

    public static string Normalize(string? prefix)
    {
        var trimmed = (prefix ?? string.Empty).Trim().TrimEnd('/');
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }

        if (!trimmed.StartsWith('/') || trimmed.Contains("//", StringComparison.Ordinal) || trimmed.AsSpan().IndexOfAny("?#{}*") >= 0)
        {
            throw new ArgumentException($"The GhStats prefix '{prefix}' must be a path such as \"/stats\".", nameof(prefix));
        }

        return trimmed;
    }
}
