namespace GhStats.GitHub;

/// <summary>Collector settings, bound from <c>GhStats:Collector</c>.</summary>
public sealed class GitHubCollectorOptions
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "Collector";

    /// <summary>
    /// The name of the <c>IHttpClientFactory</c> client every GitHub request goes through. A host adds a proxy or its own
    /// handlers to it, e.g. <c>services.AddHttpClient(GitHubCollectorOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(...)</c>
    /// (keep <c>AllowAutoRedirect = false</c>: Octokit follows redirects itself) or <c>.AddHttpMessageHandler(...)</c>,
    /// which runs after GhStats' own retry, pacing and authentication handlers.
    /// </summary>
    public const string HttpClientName = "GhStats.GitHub";

    /// <summary>Repositories collected at once, over all connections (each makes its calls one after another). Default 8, at most 100.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>
    /// Repositories of one GitHub connection (a lane) collected at once. Lanes run side by side within
    /// <see cref="MaxConcurrency"/>, so a slow or rate-limited connection holds at most this many places. Default 4, at most 100.
    /// </summary>
    public int LaneConcurrency { get; set; } = 4;

    /// <summary>Requests per minute per GitHub connection, kept under GitHub's secondary limit. Default 900.</summary>
    public int RequestsPerMinute { get; set; } = 900;

    /// <summary>Retries of a request that failed transiently (5xx, network). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; each retry doubles it, with jitter. Default 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest single wait GhStats takes for a rate limit (<c>Retry-After</c>, or <c>X-RateLimit-Reset</c> once the limit
    /// is used up); a longer one fails the request, and the connection's further requests in the run fail at once instead of
    /// sleeping. Default 60 seconds, at most 2 hours.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Pages followed at most in one paged listing (an owner's repositories, a repository's releases; 100 a page); more fail
    /// the listing and the connection for the run. Default 100.
    /// </summary>
    public int MaxPagesPerListing { get; set; } = 100;

    /// <summary>
    /// Pages of a repository's stargazers list (100 stars a page) read at most per run to backfill its star history before
    /// tracking; the next run reads on where this one stopped, so a very large repository does not spend a run's budget.
    /// Default 10, at most 400 (GitHub lists no more); 0 turns the backfill off.
    /// </summary>
    public int StarBackfillPagesPerRun { get; set; } = 10;

    /// <summary>
    /// Whether reads of a repository's counters, traffic, referrers and paths send the <c>ETag</c> of the last answer in
    /// <c>If-None-Match</c>, so an unchanged answer comes back as a 304 that GitHub does not charge. Default true; turn it
    /// off only for a server or proxy that answers conditional requests wrongly.
    /// </summary>
    public bool ConditionalRequests { get; set; } = true;

    /// <summary>
    /// Repositories of one connection whose counters (stars, forks, watchers, open issues, size) one GraphQL query reads,
    /// instead of one REST request each. Where the connection has no GraphQL (an older GitHub Enterprise Server answers
    /// 404) or refuses it, the collector reads the counters with REST for the rest of the run. Default 100 (GitHub's limit,
    /// 3 points of GraphQL's hourly 5,000); 0 turns GraphQL off.
    /// </summary>
    public int GraphQLBatchSize { get; set; } = 100;

    /// <summary>The largest answer body read from GitHub, in bytes; a larger one fails the request. Default 10 MB (10,485,760).</summary>
    public long MaxResponseBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How long one request may take. Default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the collection lease and each lane claim last unless renewed: a crashed process frees them after this, and
    /// another replica then takes its lanes over. Default 2 minutes.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a process collects a lane before it hands the lane back, unfinished, when another lane of the run waits
    /// with fewer repositories done: lanes then take turns instead of the first ones claimed running to their end while
    /// the rest wait, so every connection's most urgent repositories go early, and replicas that join share the lanes' work
    /// to the end of the run instead of waiting idle for the last lanes. A lane is handed back only while a less advanced
    /// one waits; the holder finishes the repositories in flight first. Default 1 minute; zero turns hand-backs off
    /// (a lane is then held until it is done).
    /// </summary>
    public TimeSpan LaneTurn { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a running run writes its progress. Default 1 second.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>An optional in-process schedule, a cron expression in UTC such as "0 3 * * *" (daily at 03:00); six fields add seconds first. Default none.</summary>
    public string? Schedule { get; set; }

    /// <summary>
    /// How often this collector looks for runs that web replicas without a collector queued (<c>GhStats:Cron:QueueForWorker</c>)
    /// and starts the oldest. Default 10 seconds; zero turns the look off.
    /// </summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(10);
}
