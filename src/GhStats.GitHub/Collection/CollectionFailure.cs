using System.Net;
using GhStats.Domain;
using GhStats.GitHub.Client;
using Octokit;

namespace GhStats.GitHub.Collection;

/// <summary>Sorts what went wrong with a repository into the kinds the collection log records, with a message for people.</summary>
internal static class CollectionFailure
{
    public static (CollectionErrorKind Kind, string Message) Classify(Exception exception) => exception switch
    {
        AuthorizationException => (CollectionErrorKind.Unauthorized, "GitHub refused the token (401 Bad credentials): it is wrong, expired or revoked."),
        RateLimitExceededException limit => (CollectionErrorKind.RateLimited, $"GitHub's rate limit is exhausted until {limit.Reset:u}."),
        SecondaryRateLimitExceededException => (CollectionErrorKind.RateLimited, "GitHub's secondary rate limit stopped the collection."),
        GitHubRateLimitedException limited => (CollectionErrorKind.RateLimited, limited.Message),
        ForbiddenException forbidden when IsMissingPushAccess(forbidden.Message) =>
            (CollectionErrorKind.NoPushAccess, $"GitHub says: {forbidden.Message}. Traffic needs push access: a classic token with 'repo' (or 'public_repo'), or a fine-grained token or GitHub App with 'Administration: read'."),
        ForbiddenException forbidden => (CollectionErrorKind.Unknown, $"GitHub refused the request (403): {forbidden.Message}"),
        NotFoundException => (CollectionErrorKind.NotFound, "GitHub has no such repository, or the token cannot see it (404)."),
        ApiException api when (int)api.StatusCode >= 500 => (CollectionErrorKind.Transient, $"GitHub failed with {(int)api.StatusCode} after retries: {api.Message}"),
        ApiException { StatusCode: HttpStatusCode.TooManyRequests } api => (CollectionErrorKind.RateLimited, $"GitHub said 429: {api.Message}"),
        HttpRequestException http => (CollectionErrorKind.Transient, $"GitHub could not be reached after retries: {http.Message}"),
        TimeoutException or TaskCanceledException => (CollectionErrorKind.Transient, "GitHub did not answer in time, after retries."),
        ApiException api => (CollectionErrorKind.Unknown, $"GitHub answered {(int)api.StatusCode}: {api.Message}"),
        _ => (CollectionErrorKind.Unknown, exception.Message),
    };

    private static bool IsMissingPushAccess(string message) =>
        message.Contains("push access", StringComparison.OrdinalIgnoreCase)
        || message.Contains("Resource not accessible", StringComparison.OrdinalIgnoreCase);
}
