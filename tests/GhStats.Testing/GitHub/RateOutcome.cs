namespace GhStats.Testing.GitHub;

/// <summary>What the rate limiter decided for one request.</summary>
internal enum RateOutcome
{
    Admitted,
    PrimaryExceeded,
    SecondaryExceeded,
}
