namespace GhStats.Domain;

/// <summary>Why a repository could not be collected.</summary>
public enum CollectionErrorKind
{
    /// <summary>The token lacks push access, which GitHub requires for traffic.</summary>
    NoPushAccess = 1,

    /// <summary>The repository does not exist or the token cannot see it.</summary>
    NotFound = 2,

    /// <summary>The token was refused (bad, expired or revoked).</summary>
    Unauthorized = 3,

    /// <summary>A rate limit stopped the collection.</summary>
    RateLimited = 4,

    /// <summary>A server or network failure persisted after retries.</summary>
    Transient = 5,

    /// <summary>Anything else.</summary>
    Unknown = 6,
}
