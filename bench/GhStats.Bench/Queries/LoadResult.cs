namespace GhStats.Bench.Queries;

/// <summary>What one load run measured: requests completed in the window, their latencies, and the server's side of it.</summary>
/// <param name="Url">The URL.</param>
/// <param name="Connections">Connections kept busy.</param>
/// <param name="WindowSeconds">The measured window.</param>
/// <param name="Requests">Requests answered correctly and completed in the window.</param>
/// <param name="Errors">Requests completed in the window that failed: not 200, a body unlike the expected, or an exception.</param>
/// <param name="WarmupRequests">Requests completed during the warm-up (any outcome).</param>
/// <param name="ResponseBytes">Bytes of the expected body.</param>
/// <param name="Latency">Latency percentiles of the correct requests.</param>
/// <param name="ClientCpuSeconds">CPU time of the load process during the window.</param>
/// <param name="ServerBefore">The server at the window's start, when a sample URL was given.</param>
/// <param name="ServerAfter">The server at the window's end (its highest values cover the window).</param>
/// <param name="FirstError">The first failure's description, if any.</param>
internal sealed record LoadResult(
    string Url,
    int Connections,
    double WindowSeconds,
    long Requests,
    long Errors,
    long WarmupRequests,
    int ResponseBytes,
    LatencySummary Latency,
    double ClientCpuSeconds,
    ServerSample? ServerBefore,
    ServerSample? ServerAfter,
    string? FirstError)
{
    public double RequestsPerSecond => Requests / WindowSeconds;

    /// <summary>Server CPU time per correct request in the window, in microseconds; NaN without samples.</summary>
    public double ServerCpuMicrosecondsPerRequest =>
        ServerBefore is { } before && ServerAfter is { } after && Requests > 0 ? (after.CpuSeconds - before.CpuSeconds) * 1e6 / Requests : double.NaN;

    /// <summary>Managed bytes the server allocated per request in the window; NaN without samples.</summary>
    public double ServerAllocatedBytesPerRequest =>
        ServerBefore is { } before && ServerAfter is { } after && Requests > 0 ? (double)(after.AllocatedBytes - before.AllocatedBytes) / Requests : double.NaN;

    public double ClientCpuMicrosecondsPerRequest => Requests > 0 ? ClientCpuSeconds * 1e6 / Requests : double.NaN;
}
