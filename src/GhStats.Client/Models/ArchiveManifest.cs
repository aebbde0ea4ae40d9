namespace GhStats.Client.Models;

/// <summary>An archive's <c>manifest.json</c>: what wrote it and when, and each table's entry, row count and checksum.</summary>
/// <param name="Format">Always <c>ghstats-archive</c>.</param>
/// <param name="FormatVersion">The archive layout's version.</param>
/// <param name="SchemaVersion">The database schema (its newest migration) the data was read from.</param>
/// <param name="ProductVersion">The GhStats version that wrote it.</param>
/// <param name="ExportedAt">When it was written (UTC).</param>
/// <param name="Scope"><c>installation</c>, or <c>tenant:{slug}</c>.</param>
/// <param name="Tables">The tables, in restore order.</param>
public sealed record ArchiveManifest(
    string Format,
    int FormatVersion,
    long SchemaVersion,
    string ProductVersion,
    DateTimeOffset ExportedAt,
    string Scope,
    IReadOnlyList<ArchiveTable> Tables);
