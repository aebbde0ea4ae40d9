using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Security;

/// <summary>
/// Whether a request came from this machine with no proxy in between. A reverse proxy on the same machine makes every
/// request it forwards look local, so any sign of a proxy (a forwarding header, or proxies configured for this app)
/// counts against it. A same-host proxy that adds no header at all and is not configured still cannot be told apart:
/// the development sign-in is only for the Development environment on a developer's machine.
/// </summary>
internal static class LoopbackRequest
{
    /// <summary>Headers a proxy adds, or that ASP.NET Core's forwarded-headers middleware leaves after it applied one.</summary>
    private static readonly string[] ProxyHeaders =
    [
        "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Prefix", "Forwarded", "X-Real-IP",
        "X-Original-For", "X-Original-Host", "X-Original-Proto", "X-Original-Prefix",
    ];

    public static bool IsLoopback(HttpContext context) => Refusal(context) is null;

    /// <summary>Why the request does not count as local, or null when it does.</summary>
    public static string? Refusal(HttpContext context)
    {
        if (context.RequestServices.GetService<IOptionsMonitor<GhStatsForwardedHeadersOptions>>()?.CurrentValue.IsConfigured == true)
        {
            return "this app runs behind configured proxies (GhStats:ForwardedHeaders)";
        }

        var remote = context.Connection.RemoteIpAddress;
        var local = context.Connection.LocalIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote) || (local is not null && !IPAddress.IsLoopback(local)))
        {
            return "the request did not come from this machine over a loopback connection";
        }

        foreach (var header in ProxyHeaders)
        {
            if (context.Request.Headers.ContainsKey(header))
            {
                return $"the request carries the proxy header {header}";
            }
        }

        return null;
    }
}
