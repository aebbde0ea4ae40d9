namespace GhStats.Transfer.Archive;

/// <summary>One table of an archive.</summary>
/// <param name="Name">The table, e.g. "traffic_days".</param>
/// <param name="File">Its JSON-lines entry, e.g. "traffic_days.jsonl".</param>
/// <param name="Rows">How many lines (rows) it holds.</param>
/// <param name="Sha256">The SHA-256 of the entry's bytes, lower-case hex.</param>
public sealed record ArchiveTable(string Name, string File, long Rows, string Sha256);
