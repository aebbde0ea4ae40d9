using GhStats.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GhStats.Web.Diagnostics;

/// <summary>
/// Counts the requests GhStats' endpoints answer on <c>ghstats.http.requests</c>, by route template, method and status.
/// <see cref="Tag"/> marks MapGhStats' endpoints; a middleware at the start of the app's pipeline (added by
/// <c>AddWeb()</c> through an <see cref="IStartupFilter"/>) counts them once the response is decided, so refusals by
/// the authorization middleware count too. An endpoint that ran leaves its template in the request's items, because
/// an exception handler clears the endpoint before it writes the 500.
/// </summary>
internal static class RequestMetering
{
    private static readonly object RouteKey = new();

    /// <summary>Marks every endpoint of <paramref name="module"/> with its template, less <paramref name="prefix"/>.</summary>
    public static void Tag(IEndpointConventionBuilder module, string prefix)
    {
        module.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route)
            {
                endpoint.Metadata.Add(new GhStatsRouteMetadata(Template(route.RoutePattern.RawText ?? "/", prefix)));
            }
        });
        module.Finally(endpoint =>
        {
            var template = endpoint.Metadata.OfType<GhStatsRouteMetadata>().LastOrDefault();
            var next = endpoint.RequestDelegate;
            if (template is null || next is null)
            {
                return;
            }

            endpoint.RequestDelegate = context =>
            {
                context.Items[RouteKey] = template;
                return next(context);
            };
        });
    }

    /// <summary>The route relative to the prefix, starting with '/'.</summary>
    public static string Template(string rawText, string prefix)
    {
        var path = "/" + rawText.TrimStart('/');
        if (prefix.Length > 0 && path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            path = path[prefix.Length..];
        }

        return path.Length == 0 ? "/" : path;
    }

    /// <summary>Adds the counting middleware first in the pipeline.</summary>
    internal sealed class StartupFilter(GhStatsMetrics metrics) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                try
                {
                    await nextMiddleware(context);
                }
                catch
                {
                    Record(context, StatusCodes.Status500InternalServerError);
                    throw;
                }

                Record(context, context.Response.StatusCode);
            });
            next(app);
        };

        private void Record(HttpContext context, int status)
        {
            var route = context.GetEndpoint()?.Metadata.GetMetadata<GhStatsRouteMetadata>()
                ?? context.Items[RouteKey] as GhStatsRouteMetadata;
            if (route is not null)
            {
                metrics.Request(route.Template, context.Request.Method, status);
            }
        }
    }
}
