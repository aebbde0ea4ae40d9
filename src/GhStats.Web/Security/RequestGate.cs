using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using GhStats.Administration;
using GhStats.Web.Api;
using GhStats.Web.Dashboards;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Security;

/// <summary>
/// The first middleware of an app with GhStats: forwarded headers from the proxies of <c>GhStats:ForwardedHeaders</c> only
/// (none by default), then ASP.NET Core's rate limiter with GhStats' own partitions (<c>GhStats:RateLimits</c>): per API
/// token on the API, per client address on the cron endpoint, on sign-in, on the public badges and on the public dashboards. Other requests are not limited here.
/// </summary>
internal sealed partial class RequestGate(
    IOptions<GhStatsForwardedHeadersOptions> proxies,
    IOptions<GhStatsRateLimitOptions> limits,
    GhStatsPaths paths,
    ILogger<RequestGate> logger) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (proxies.Value.IsConfigured)
        {
            app.UseForwardedHeaders(ForwardedHeaders(proxies.Value));
        }

        app.UseRateLimiter(RateLimiter(limits.Value));
        next(app);
    };

    internal static ForwardedHeadersOptions ForwardedHeaders(GhStatsForwardedHeadersOptions settings)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            ForwardLimit = settings.ForwardLimit,
        };

        // ASP.NET Core trusts loopback by default; GhStats trusts exactly what the operator listed.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        return options;
    }

    private RateLimiterOptions RateLimiter(GhStatsRateLimitOptions settings) => new()
    {
        GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings)),
        RejectionStatusCode = StatusCodes.Status429TooManyRequests,
        OnRejected = async (rejected, _) =>
        {
            var context = rejected.HttpContext;
            var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                : 1;
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            LogRejected(logger, context.Request.Path, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", seconds);
            await ApiProblems.Write(context, StatusCodes.Status429TooManyRequests, "TooManyRequests", seconds);
        },
    };

    private RateLimitPartition<string> Partition(HttpContext context, GhStatsRateLimitOptions settings)
    {
        if (!paths.IsMapped)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var path = context.Request.Path;
        var prefix = new PathString(paths.Prefix);
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (path.StartsWithSegments(prefix + "/api/v1/collect", StringComparison.OrdinalIgnoreCase))
        {
            return Window("cron:" + client, settings.Cron);
        }

        if (paths.IsApi(path) && BearerToken.From(context.Request) is { } token && ApiTokenFormat.LooksLikeToken(token))
        {
            // The token's hash, as stored: the partition key never holds the secret itself.
            return Window("token:" + ApiTokenFormat.Hash(token), settings.ApiToken);
        }

        if (path.StartsWithSegments(prefix + "/signin", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments(prefix + "/signin-oidc", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments(prefix + "/signout", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments(prefix + "/signout-callback-oidc", StringComparison.OrdinalIgnoreCase))
        {
            return Window("signin:" + client, settings.SignIn);
        }

        if (path.StartsWithSegments(prefix + "/badges", StringComparison.OrdinalIgnoreCase))
        {
            return Window("badges:" + client, settings.Badges);
        }

        if (path.StartsWithSegments(prefix + PublicDashboardPaths.Segment, StringComparison.OrdinalIgnoreCase))
        {
            return Window("public:" + client, settings.Public);
        }

        return RateLimitPartition.GetNoLimiter(string.Empty);
    }

    private static RateLimitPartition<string> Window(string key, GhStatsRateLimit limit) =>
        limit.PermitLimit == 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit: refused {Path} from {Remote}; retry after {Seconds} s")]
    private static partial void LogRejected(ILogger logger, string path, string remote, int seconds);
}
