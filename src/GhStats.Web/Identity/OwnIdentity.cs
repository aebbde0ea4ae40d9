using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace GhStats.Web.Identity;

/// <summary>
/// The identities GhStats' own schemes (the session cookie, once validated, and API tokens) produced in this request.
/// Only their <c>ghstats:*</c> claims are believed: an embedding app's principal may carry a claim of the same name,
/// from its own code or its identity provider, and that must not make it a GhStats profile.
/// </summary>
internal static class OwnIdentity
{
    private static readonly object ItemKey = new();

    /// <summary>Records that <paramref name="identity"/> came from one of GhStats' own authentication handlers.</summary>
    public static void Mark(HttpContext context, ClaimsIdentity identity)
    {
        if (context.Items.TryGetValue(ItemKey, out var existing) && existing is List<ClaimsIdentity> marked)
        {
            marked.Add(identity);
            return;
        }

        context.Items[ItemKey] = new List<ClaimsIdentity> { identity };
    }

    /// <summary>The first of the principal's identities that GhStats itself authenticated in this request, if any.</summary>
    public static ClaimsIdentity? Of(HttpContext context, ClaimsPrincipal principal) =>
        context.Items.TryGetValue(ItemKey, out var existing) && existing is List<ClaimsIdentity> marked
            ? principal.Identities.FirstOrDefault(identity => marked.Exists(own => ReferenceEquals(own, identity)))
            : null;

    /// <summary>A whole-number claim of <paramref name="identity"/>, or null.</summary>
    public static long? Number(ClaimsIdentity? identity, string type) =>
        identity?.FindFirst(type)?.Value is { } value && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
}
