using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace GhStats.Web.Api;

/// <summary>
/// Ends an API request with a problem details response. It carries resource keys of Resources/Api/ApiProblems.resx and
/// their arguments, not text: <see cref="ApiProblems"/> resolves them in the request's language where the answer is
/// written. A lower layer's message (a store's or service's refusal) travels as English text instead, see
/// <see cref="FromText"/>.
/// </summary>
internal sealed class ApiProblemException : Exception
{
    private readonly object?[] _arguments;

    /// <summary>A problem whose title is the one of its status.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="detailKey">The detail's key in ApiProblems.resx.</param>
    /// <param name="arguments">The detail's placeholders {0}, {1}...</param>
    public ApiProblemException(int status, string detailKey, params object?[] arguments)
        : this(status, detailKey, arguments, detailKey)
    {
    }

    private ApiProblemException(int status, string? detailKey, object?[] arguments, string message)
        : base(message)
    {
        Status = status;
        DetailKey = detailKey;
        _arguments = arguments;
    }

    public int Status { get; }

    /// <summary>The title's key in ApiProblems.resx when it is more precise than its status's (null: the status's title).</summary>
    public string? TitleKey { get; init; }

    /// <summary>The detail's key, or null when <see cref="Exception.Message"/> is a lower layer's English text.</summary>
    public string? DetailKey { get; }

    /// <summary>
    /// A problem whose detail is text already: a lower layer's English message (stores, services: not translated this
    /// round), or a text resolved in the request's language. Its title is translated.
    /// </summary>
    public static ApiProblemException FromText(int status, string detail, string? titleKey = null) =>
        new(status, null, [], detail) { TitleKey = titleKey };

    /// <summary>The title in the language of <paramref name="text"/>'s culture.</summary>
    public string Title(IStringLocalizer text) => ApiProblems.TitleOf(text, Status, TitleKey);

    /// <summary>The detail in the language of <paramref name="text"/>'s culture.</summary>
    public string Detail(IStringLocalizer text) => DetailKey is null ? Message : text[DetailKey, (object[])_arguments];

    /// <summary>The detail in the request's language.</summary>
    public string Detail(HttpContext context) => Detail(ApiProblems.Text(context));
}
