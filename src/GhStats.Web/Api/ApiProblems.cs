using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace GhStats.Web.Api;

/// <summary>
/// RFC 7807 problem details, the only shape an API error takes. <c>title</c> and <c>detail</c> are in the request's
/// language (Resources/Api/ApiProblems.resx: a title per status, <c>Title{status}</c>, some more precise titles, and
/// the details by key); <c>type</c> and <c>status</c> never change with it.
/// </summary>
internal static class ApiProblems
{
    /// <summary>The API's strings in the request's language.</summary>
    public static IStringLocalizer Text(HttpContext context) =>
        context.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(typeof(ApiProblems));

    /// <summary>The problem's answer, its texts in the request's language.</summary>
    public static IResult Result(HttpContext context, ApiProblemException problem)
    {
        var text = Text(context);
        return TypedResults.Problem(title: problem.Title(text), detail: problem.Detail(text), statusCode: problem.Status);
    }

    /// <summary>Writes the problem as the response, for the middleware and handlers that answer before an endpoint runs.</summary>
    public static Task Write(HttpContext context, ApiProblemException problem) => Result(context, problem).ExecuteAsync(context);

    /// <summary>Writes a problem of <paramref name="status"/> with the detail of <paramref name="detailKey"/>.</summary>
    public static Task Write(HttpContext context, int status, string detailKey, params object?[] arguments) =>
        Write(context, new ApiProblemException(status, detailKey, arguments));

    /// <summary>A 400 "Invalid request" with the detail of <paramref name="detailKey"/>.</summary>
    public static ApiProblemException Invalid(string detailKey, params object?[] arguments) =>
        new(StatusCodes.Status400BadRequest, detailKey, arguments);

    /// <summary>A 400 "Invalid request" with a lower layer's English message as its detail.</summary>
    public static ApiProblemException InvalidUntranslated(string detail) => ApiProblemException.FromText(StatusCodes.Status400BadRequest, detail);

    /// <summary>The title of a problem: <paramref name="titleKey"/>'s text, else its status's, else its status class's.</summary>
    public static string TitleOf(IStringLocalizer text, int status, string? titleKey)
    {
        if (titleKey is not null)
        {
            return text[titleKey];
        }

        var title = text["Title" + status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        return !title.ResourceNotFound ? title : text[status >= 500 ? "Title500" : "Title400"];
    }
}
