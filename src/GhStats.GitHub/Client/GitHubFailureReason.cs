namespace GhStats.GitHub.Client;

/// <summary>What went wrong with a call to GitHub, as <see cref="GitHubFailure"/> sorts it.</summary>
internal enum GitHubFailureReason
{
    /// <summary>401: the token or the App's credentials were refused.</summary>
    BadCredentials,

    /// <summary>The primary rate limit is used up until its reset.</summary>
    RateLimited,

    /// <summary>GitHub's secondary rate limit refused the call.</summary>
    SecondaryRateLimited,

    /// <summary>GhStats did not wait for the rate limit: the reset is further away than it may wait.</summary>
    RateLimitWaitTooLong,

    /// <summary>403 because the credentials lack push access (what traffic needs).</summary>
    NoPushAccess,

    /// <summary>Any other 403.</summary>
    Forbidden,

    /// <summary>404.</summary>
    NotFound,

    /// <summary>429 without a rate-limit GitHub explained.</summary>
    TooManyRequests,

    /// <summary>5xx, after retries.</summary>
    ServerError,

    /// <summary>No answer in time, after retries.</summary>
    TimedOut,

    /// <summary>No connection to GitHub, after retries.</summary>
    Unreachable,

    /// <summary>Any other status GitHub answered with.</summary>
    OtherAnswer,

    /// <summary>GhStats refused the request or its answer (<see cref="GitHubRequestRefusedException"/>): the connection is not used again in the run.</summary>
    Refused,
}
