namespace GhStats.Bench.Queries;

/// <summary>What the load process (the `web-load` command) drives.</summary>
/// <param name="Url">The one URL every request asks for.</param>
/// <param name="Connections">HTTP/1.1 keep-alive connections, each with one request in flight at a time.</param>
/// <param name="Warmup">Load before the measured window, not recorded.</param>
/// <param name="Duration">The measured window.</param>
/// <param name="ExpectedSha256">If given, the first response's SHA-256 must be this; every later body must equal the first.</param>
/// <param name="SampleUrl">If given, GET at the start (with ?reset=true) and end of the window: the server's memory and counters.</param>
/// <param name="Json">Print the result as one JSON line (for the driver) instead of text.</param>
internal sealed record LoadOptions(Uri Url, int Connections, TimeSpan Warmup, TimeSpan Duration, string? ExpectedSha256, Uri? SampleUrl, bool Json)
{
    /// <summary>Where the load process reads the Bearer token, so it never shows in a process list.</summary>
    public const string TokenVariable = "GHSTATS_BENCH_TOKEN";

    public const string Usage = "--url <url> [--connections 16] [--warmup 5] [--duration 15] [--expect-sha256 <hex>] [--sample-url <url>] [--json true]  (Bearer token from $" + TokenVariable + ")";

    /// <summary>Reads the options after the command.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">When one is missing, unknown or out of range.</exception>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var values = CommandLine.Pairs(args, "--url", "--connections", "--warmup", "--duration", "--expect-sha256", "--sample-url", "--json");
        if (!values.TryGetValue("--url", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException("--url is required: an absolute http address.", nameof(args));
        }

        return new LoadOptions(
            uri,
            CommandLine.Number("--connections", values.GetValueOrDefault("--connections", "16"), 1, 1024),
            TimeSpan.FromSeconds(CommandLine.Number("--warmup", values.GetValueOrDefault("--warmup", "5"), 0, 3600)),
            TimeSpan.FromSeconds(CommandLine.Number("--duration", values.GetValueOrDefault("--duration", "15"), 1, 3600)),
            values.GetValueOrDefault("--expect-sha256"),
            values.TryGetValue("--sample-url", out var sample) ? new Uri(sample) : null,
            values.GetValueOrDefault("--json", "false") == "true");
    }
}
