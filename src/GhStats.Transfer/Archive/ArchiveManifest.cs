namespace GhStats.Transfer.Archive;

/// <summary>
/// The archive's <c>manifest.json</c>: what wrote it and when, and for each table its entry, row count and the SHA-256
/// of the entry's bytes. A restore checks every count and checksum before it writes anything.
/// </summary>
/// <param name="Format">Always <see cref="FormatName"/>.</param>
/// <param name="FormatVersion">The archive layout's version; a restore refuses a newer one than it knows.</param>
/// <param name="SchemaVersion">The GhStats database schema (its newest applied migration) the data was read from.</param>
/// <param name="ProductVersion">The GhStats version that wrote it.</param>
/// <param name="ExportedAt">When it was written (UTC).</param>
/// <param name="Scope">"installation" for every tenant, or "tenant:{slug}".</param>
/// <param name="Tables">The tables, in restore order.</param>
public sealed record ArchiveManifest(
    string Format,
    int FormatVersion,
    long SchemaVersion,
    string ProductVersion,
    DateTimeOffset ExportedAt,
    string Scope,
    IReadOnlyList<ArchiveTable> Tables)
{
    /// <summary>The value of <see cref="Format"/> in every GhStats archive.</summary>
    public const string FormatName = "ghstats-archive";

    /// <summary>The archive layout this version writes and the newest it reads.</summary>
    public const int CurrentFormatVersion = 1;
}
