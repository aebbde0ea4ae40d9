namespace GhStats.Client.Models;

/// <summary>One table of an archive.</summary>
/// <param name="Name">The table, e.g. <c>traffic_days</c>.</param>
/// <param name="File">Its JSON-lines entry, e.g. <c>traffic_days.jsonl</c>.</param>
/// <param name="Rows">How many rows it holds.</param>
/// <param name="Sha256">The SHA-256 of the entry's bytes, lower-case hex.</param>
public sealed record ArchiveTable(string Name, string File, long Rows, string Sha256);
