using System.Net;
using GhStats.Domain;
using Octokit;

namespace GhStats.GitHub.Client;

/// <summary>
/// What a failed call to GitHub means, decided in one place for the collector and the connection check: the reason, the
/// kind the collection log records, and a message for the log. The connection check words its findings from the reason.
/// </summary>
/// <param name="Reason">What went wrong.</param>
/// <param name="Kind">The kind the collection log records.</param>
/// <param name="Message">What the collection log says.</param>
/// <param name="Exception">The exception the call ended with.</param>
internal sealed record GitHubFailure(GitHubFailureReason Reason, CollectionErrorKind Kind, string Message, Exception Exception)
{
    /// <summary>The HTTP status GitHub answered with; null when it did not answer.</summary>
    public int? StatusCode => Exception is ApiException api ? (int)api.StatusCode : null;

    /// <summary>When the exhausted primary rate limit resets; null for other failures.</summary>
    public DateTimeOffset? ResetsAt => Exception is RateLimitExceededException limit ? limit.Reset : null;

    /// <summary>
    /// Sorts the exception a call to GitHub ended with (Octokit's, an HTTP failure, a timeout, GhStats' own rate-limit
    /// refusal); null for anything else, which is no answer from GitHub. Callers that tell cancellation apart do so first:
    /// a <see cref="TaskCanceledException"/> here is taken for a timeout.
    /// </summary>
    public static GitHubFailure? Classify(Exception exception) => GitHubRequestRefusedException.Find(exception) is { } refused
        ? new(GitHubFailureReason.Refused, CollectionErrorKind.Unknown, refused.Message, refused)
        : ClassifyAnswer(exception);

    /// <summary>The collection log's kind and message for whatever a repository or an owner failed with.</summary>
    public static (CollectionErrorKind Kind, string Message) ForCollection(Exception exception) =>
        Classify(exception) is { } failure ? (failure.Kind, failure.Message) : (CollectionErrorKind.Unknown, exception.Message);

    private static GitHubFailure? ClassifyAnswer(Exception exception) => exception switch
    {
        AuthorizationException => new(GitHubFailureReason.BadCredentials, CollectionErrorKind.Unauthorized,
            "GitHub refused the token (401 Bad credentials): it is wrong, expired or revoked.", exception),
        RateLimitExceededException limit => new(GitHubFailureReason.RateLimited, CollectionErrorKind.RateLimited,
            $"GitHub's rate limit is exhausted until {limit.Reset:u}.", exception),
        SecondaryRateLimitExceededException => new(GitHubFailureReason.SecondaryRateLimited, CollectionErrorKind.RateLimited,
            "GitHub's secondary rate limit stopped the collection.", exception),
        GitHubRateLimitedException limited => new(GitHubFailureReason.RateLimitWaitTooLong, CollectionErrorKind.RateLimited, limited.Message, exception),
        ForbiddenException forbidden when IsMissingPushAccess(forbidden.Message) => new(GitHubFailureReason.NoPushAccess, CollectionErrorKind.NoPushAccess,
            $"{GitHubErrorBody.Describe(forbidden)}. Traffic needs push access: a classic token with 'repo' (or 'public_repo'), or a fine-grained token or GitHub App with 'Administration: read'.", exception),
        ForbiddenException forbidden => new(GitHubFailureReason.Forbidden, CollectionErrorKind.Unknown,
            $"GitHub refused the request (403): {GitHubErrorBody.Describe(forbidden)}", exception),
        NotFoundException => new(GitHubFailureReason.NotFound, CollectionErrorKind.NotFound,
            "GitHub has no such repository, or the token cannot see it (404).", exception),
        ApiException api when (int)api.StatusCode >= 500 => new(GitHubFailureReason.ServerError, CollectionErrorKind.Transient,
            $"GitHub failed with {(int)api.StatusCode} after retries: {GitHubErrorBody.Describe(api)}", exception),
        ApiException { StatusCode: HttpStatusCode.TooManyRequests } api => new(GitHubFailureReason.TooManyRequests, CollectionErrorKind.RateLimited,
            $"GitHub said 429: {GitHubErrorBody.Describe(api)}", exception),
        HttpRequestException http => new(GitHubFailureReason.Unreachable, CollectionErrorKind.Transient,
            $"GitHub could not be reached after retries: {GitHubErrorBody.NoAnswer(http)}.", exception),
        TimeoutException or TaskCanceledException => new(GitHubFailureReason.TimedOut, CollectionErrorKind.Transient,
            "GitHub did not answer in time, after retries.", exception),
        ApiException api => new(GitHubFailureReason.OtherAnswer, CollectionErrorKind.Unknown,
            $"GitHub answered {(int)api.StatusCode}: {GitHubErrorBody.Describe(api)}", exception),
        _ => null,
    };

    private static bool IsMissingPushAccess(string message) =>
        message.Contains("push access", StringComparison.OrdinalIgnoreCase)
        || message.Contains("Resource not accessible", StringComparison.OrdinalIgnoreCase);
}
