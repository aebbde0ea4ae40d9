using System.Net;
using Microsoft.AspNetCore.Http;

namespace GhStats.Web.Security;

/// <summary>Whether a request came from this machine, with no proxy in between that says otherwise.</summary>
internal static class LoopbackRequest
{
    public static bool IsLoopback(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote))
        {
            return false;
        }

        // A reverse proxy on this machine forwards other machines' requests: trust loopback only without forwarding headers.
        return !context.Request.Headers.ContainsKey("X-Forwarded-For") && !context.Request.Headers.ContainsKey("Forwarded");
    }
}
