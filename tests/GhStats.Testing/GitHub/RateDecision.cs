namespace GhStats.Testing.GitHub;

/// <summary>The rate limiter's decision and the figures for the <c>X-RateLimit-*</c> headers.</summary>
/// <param name="Resource">GitHub's name of the limit, sent in <c>X-RateLimit-Resource</c>: <c>core</c> or <c>graphql</c>.</param>
internal readonly record struct RateDecision(RateOutcome Outcome, int Limit, int Remaining, int Used, long ResetEpochSeconds, string Resource = "core");
