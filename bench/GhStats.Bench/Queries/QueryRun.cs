namespace GhStats.Bench.Queries;

/// <summary>One load run of the query benchmark.</summary>
/// <param name="Round">The round, from 1.</param>
/// <param name="Endpoint">series or summary; for a diagnostic rung, its name.</param>
/// <param name="Target">GhStats, the baseline, or diagnostic.</param>
/// <param name="Result">What the load process measured.</param>
internal sealed record QueryRun(int Round, string Endpoint, string Target, LoadResult Result);
