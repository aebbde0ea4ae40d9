namespace GhStats.Testing.GitHub;

/// <summary>The rate limiter's decision and the figures for the <c>X-RateLimit-*</c> headers.</summary>
internal readonly record struct RateDecision(RateOutcome Outcome, int Limit, int Remaining, int Used, long ResetEpochSeconds);
