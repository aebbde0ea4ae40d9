namespace GhStats.Web;

/// <summary>The cron endpoint's secret and behaviour, bound from <c>GhStats:Cron</c>.</summary>
public sealed class GhStatsCronOptions
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "Cron";

    /// <summary>The shortest secret accepted.</summary>
    public const int MinimumSecretLength = 32;

    /// <summary>
    /// The secret an external scheduler sends to <c>POST {prefix}/api/v1/collect</c>, at least 32 characters
    /// (e.g. <c>openssl rand -base64 32</c>). No default: unset, the endpoint refuses every scheduler call.
    /// Set it through <c>GhStats__Cron__Secret</c> or user secrets, never in a committed file.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// For web replicas beside a separate worker: <c>POST /collect</c> queues the run in the database instead of running it
    /// in this process, and a worker (<c>GhStats.Host worker</c>, or any app with <c>AddGitHubCollector()</c> whose
    /// <c>GhStats:Collector:QueuePollInterval</c> is not zero) starts it. Default false: the run starts here, and an app
    /// without a collector answers 503.
    /// </summary>
    public bool QueueForWorker { get; set; }

    /// <summary>
    /// The longest a caller may ask <c>POST /collect?wait=seconds</c> to wait for its run to end before it answers (200 with
    /// the finished run, or 202 if it is still going). For schedulers on scale-to-zero platforms, which may stop the process
    /// once a request is answered. Default 10 minutes; at most 1 hour.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(10);
}
