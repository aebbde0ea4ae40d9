using System.Net.Http;
using System.Text;
using System.Text.Json;
using Octokit;

namespace GhStats.GitHub.Client;

/// <summary>
/// What GitHub itself said in an error answer: the <c>message</c> and <c>documentation_url</c> of its JSON error body,
/// and nothing else. Octokit puts a body it cannot parse whole into the exception's message; that text (a proxy's page,
/// another service's banner) never reaches a tenant, who is told the server did not answer as GitHub's API does.
/// </summary>
/// <param name="Message">GitHub's message, shortened and without control characters.</param>
/// <param name="DocumentationUrl">GitHub's documentation link, when it gave an https one.</param>
internal sealed record GitHubErrorBody(string Message, string? DocumentationUrl)
{
    public const string NotGitHub = "the server did not answer as GitHub's API does";
    private const int MaxMessageLength = 300;

    /// <summary>GitHub's error fields from the answer <paramref name="exception"/> carries; null when it carries none or its body is no GitHub error.</summary>
    public static GitHubErrorBody? From(Exception exception)
    {
        if (exception is not ApiException { HttpResponse: { } response }
            || response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true
            || response.Body is not string body || body.Length == 0)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var documentation = json.RootElement.TryGetProperty("documentation_url", out var url) && url.ValueKind == JsonValueKind.String
                && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var link) && link.Scheme == "https" ? link.AbsoluteUri : null;
            return new GitHubErrorBody(Clean(message.GetString() ?? ""), documentation);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>", GitHub says 'message' (see url)" for a GitHub error, else that the server did not answer as GitHub's API does.</summary>
    public static string Describe(Exception exception) =>
        From(exception) is { } error ? error.ToString() : NotGitHub;

    /// <summary>Why a request got no answer, from the HTTP stack's category only: its message can name addresses and ports.</summary>
    public static string NoAnswer(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "the host name could not be resolved",
        HttpRequestError.ConnectionError => "no connection could be made",
        HttpRequestError.SecureConnectionError => "no secure (TLS) connection could be made",
        HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError => NotGitHub,
        _ => "the request failed",
    };

    public override string ToString() =>
        $"GitHub says '{Message}'{(DocumentationUrl is null ? "" : $" (see {DocumentationUrl})")}";

    private static string Clean(string text)
    {
        var clean = new StringBuilder(Math.Min(text.Length, MaxMessageLength));
        foreach (var c in text)
        {
            if (clean.Length == MaxMessageLength)
            {
                clean.Append('…');
                break;
            }

            clean.Append(char.IsControl(c) ? ' ' : c);
        }

        return clean.ToString().Trim();
    }
}
