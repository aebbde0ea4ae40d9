using Microsoft.AspNetCore.Http;

namespace GhStats.Web.Api;

/// <summary>RFC 7807 problem details, the only shape an API error takes.</summary>
internal static class ApiProblems
{
    public static IResult Result(int status, string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status);

    public static IResult BadRequest(string detail) => Result(StatusCodes.Status400BadRequest, "Invalid request", detail);

    public static Task Write(HttpContext context, int status, string title, string detail) =>
        Result(status, title, detail).ExecuteAsync(context);

    public static ApiProblemException Invalid(string detail) => new(StatusCodes.Status400BadRequest, "Invalid request", detail);
}
