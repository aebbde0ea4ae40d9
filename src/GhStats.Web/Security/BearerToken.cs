using Microsoft.AspNetCore.Http;

namespace GhStats.Web.Security;

/// <summary>Reads the credentials of an <c>Authorization: Bearer</c> header.</summary>
internal static class BearerToken
{
    public static string? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        return header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) && header.Length > Bearer.Length
            ? header[Bearer.Length..].Trim()
            : null;
    }

    public static bool IsPresent(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
