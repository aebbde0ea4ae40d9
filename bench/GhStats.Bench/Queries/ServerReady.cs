namespace GhStats.Bench.Queries;

/// <summary>What the server process prints on one line once both endpoints listen; the driver reads it.</summary>
/// <param name="GhStats">Base address of the real web module.</param>
/// <param name="Baseline">Base address of the bare Kestrel endpoints (and of /_bench/memory).</param>
/// <param name="Token">The personal API token made for the benchmark's caller.</param>
/// <param name="Series">The series response: its bytes' SHA-256 and length.</param>
/// <param name="Summary">The summary response, likewise.</param>
/// <param name="ContentType">The Content-Type GhStats answered with, which the baseline repeats.</param>
/// <param name="StartUp">Memory and counters once both listen and the two responses have been fetched.</param>
internal sealed record ServerReady(string GhStats, string Baseline, string Token, ResponseBody Series, ResponseBody Summary, string ContentType, ServerSample StartUp);
