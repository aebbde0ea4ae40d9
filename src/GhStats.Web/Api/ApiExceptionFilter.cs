using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GhStats.Web.Api;

/// <summary>Turns the store's and the API's exceptions into problem details with the right status.</summary>
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
            return ApiProblems.Result(problem.Status, problem.Title, problem.Message);
        }
        catch (GhStatsNotFoundException notFound)
        {
            return ApiProblems.Result(StatusCodes.Status404NotFound, "Not found", notFound.Message);
        }
        catch (GhStatsConflictException conflict)
        {
            return ApiProblems.Result(StatusCodes.Status409Conflict, "Conflict", conflict.Message);
        }
        catch (ArgumentException invalid)
        {
            return ApiProblems.BadRequest(WithoutParameterSuffix(invalid));
        }
        catch (JsonException json)
        {
            return ApiProblems.BadRequest($"The body is not valid JSON for this request: {json.Message}");
        }
        catch (BadHttpRequestException bad)
        {
            return ApiProblems.Result(bad.StatusCode, "Invalid request", bad.Message);
        }
    }

    // ArgumentException appends " (Parameter 'x')", which names a C# parameter, not anything the caller sent.
    private static string WithoutParameterSuffix(ArgumentException exception) =>
        exception.ParamName is { } name ? exception.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : exception.Message;
}
