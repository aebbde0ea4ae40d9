using Microsoft.AspNetCore.Http;

namespace GhStats.Web.Api;

/// <summary>Every API answer is one caller's data: no shared cache keeps it, and no browser sniffs it into HTML.</summary>
internal sealed class ApiResponseHeaders : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        return next(context);
    }
}
