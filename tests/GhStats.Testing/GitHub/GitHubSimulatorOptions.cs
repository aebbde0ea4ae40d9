namespace GhStats.Testing.GitHub;

/// <summary>How a <see cref="GitHubSimulator"/> behaves; the defaults are GitHub.com's documented limits.</summary>
public sealed class GitHubSimulatorOptions
{
    /// <summary>Added to every request before it is answered, so concurrency is observable. Default 0.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// With it, each request's latency is drawn between <see cref="Latency"/> and this (uniformly, from
    /// <see cref="LatencySeed"/> and the request's arrival number), as GitHub's 150 to 400 ms vary; null (default) keeps
    /// <see cref="Latency"/> for every request.
    /// </summary>
    public TimeSpan? MaxLatency { get; init; }

    /// <summary>The seed of the latencies <see cref="MaxLatency"/> draws: the same seed gives the same sequence. Default 0.</summary>
    public int LatencySeed { get; init; }

    /// <summary>
    /// Requests one token may make in any sliding minute before the secondary limit answers 403. Default 900. GraphQL calls
    /// are counted apart, against the same number (GitHub's GraphQL minute is counted in points, 2,000; the simulator
    /// counts calls); the concurrency limit is shared, as on GitHub.
    /// </summary>
    public int SecondaryLimitPerMinute { get; init; } = 900;

    /// <summary>Requests one token may have in flight at once before the secondary limit answers 403. Default 100.</summary>
    public int MaxConcurrentRequests { get; init; } = 100;

    /// <summary>How long after a token's first request in a window its primary limit resets (wall-clock). Default 1 hour.</summary>
    public TimeSpan PrimaryResetAfter { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The <c>Retry-After</c> (seconds) sent with secondary-limit answers. Default 60.</summary>
    public int SecondaryRetryAfterSeconds { get; init; } = 60;

    /// <summary>Where <see cref="GitHubSimulator.Clock"/> starts. Default 2025-06-18T12:00:00Z, a Wednesday noon.</summary>
    public DateTimeOffset SimulatedNow { get; init; } = new(2025, 6, 18, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// How many entries of a stargazers list can be paged to: a page starting past it answers 422, as GitHub's do past
    /// 400 pages of 100. Default 40,000.
    /// </summary>
    public int StargazerListLimit { get; init; } = 40_000;

    /// <summary>
    /// Points each token may spend on GraphQL in its hourly window, apart from its REST requests
    /// (<c>X-RateLimit-Resource: graphql</c>). Default 5,000, as on github.com.
    /// </summary>
    public int GraphQLPointsPerHour { get; init; } = 5000;

    /// <summary>Whether <c>/graphql</c> and <c>/api/graphql</c> answer; off, they answer 404 like an Enterprise Server without GraphQL. Default true.</summary>
    public bool GraphQL { get; init; } = true;

    /// <summary>
    /// The real clock behind rate-limit windows, <c>Retry-After</c>, latency, JWT checks and token expiry. Default
    /// <see cref="TimeProvider.System"/>; a test may pass a fake one to move these without waiting.
    /// </summary>
    public TimeProvider WallClock { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Latency, TimeSpan.Zero, nameof(Latency));
        if (MaxLatency is { } maxLatency)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(maxLatency, Latency, nameof(MaxLatency));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(SecondaryLimitPerMinute, 1, nameof(SecondaryLimitPerMinute));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentRequests, 1, nameof(MaxConcurrentRequests));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PrimaryResetAfter, TimeSpan.Zero, nameof(PrimaryResetAfter));
        ArgumentOutOfRangeException.ThrowIfLessThan(SecondaryRetryAfterSeconds, 0, nameof(SecondaryRetryAfterSeconds));
        ArgumentOutOfRangeException.ThrowIfLessThan(StargazerListLimit, 1, nameof(StargazerListLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(GraphQLPointsPerHour, 1, nameof(GraphQLPointsPerHour));
        ArgumentNullException.ThrowIfNull(WallClock, nameof(WallClock));
    }
}
