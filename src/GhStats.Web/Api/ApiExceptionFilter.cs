using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GhStats.Web.Api;

/// <summary>
/// Turns the store's and the API's exceptions into problem details with the right status, in the request's language.
/// The stores' messages (not found, conflict, invalid arguments) stay English: only their titles are translated.
/// </summary>
internal sealed class ApiExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ApiProblemException problem)
        {
            return ApiProblems.Result(context.HttpContext, problem);
        }
        catch (GhStatsNotFoundException notFound)
        {
            return ApiProblems.Result(context.HttpContext, ApiProblemException.FromText(StatusCodes.Status404NotFound, notFound.Message));
        }
        catch (GhStatsConflictException conflict)
        {
            return ApiProblems.Result(context.HttpContext, ApiProblemException.FromText(StatusCodes.Status409Conflict, conflict.Message));
        }
        catch (ArgumentException invalid)
        {
            return ApiProblems.Result(context.HttpContext, ApiProblems.InvalidUntranslated(WithoutParameterSuffix(invalid)));
        }
        catch (JsonException json)
        {
            return ApiProblems.Result(context.HttpContext, ApiProblems.Invalid("InvalidJson", json.Message));
        }
        catch (BadHttpRequestException bad)
        {
            return ApiProblems.Result(context.HttpContext, ApiProblemException.FromText(bad.StatusCode, bad.Message, "Title400"));
        }
    }

    // ArgumentException appends " (Parameter 'x')", which names a C# parameter, not anything the caller sent.
    private static string WithoutParameterSuffix(ArgumentException exception) =>
        exception.ParamName is { } name ? exception.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : exception.Message;
}
