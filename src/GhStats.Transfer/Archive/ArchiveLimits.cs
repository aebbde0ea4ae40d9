namespace GhStats.Transfer.Archive;

/// <summary>
/// How large an archive may unpack, checked as the bytes come out (never trusting the sizes a zip header declares): a zip
/// bomb or a runaway line stops the restore before anything is written.
/// </summary>
internal sealed record ArchiveLimits
{
    /// <summary>The limits a restore runs with unless a test sets smaller ones.</summary>
    public static readonly ArchiveLimits Default = new();

    /// <summary>
    /// The limits an uploaded zip of an import source's files unpacks with: many more entries (github-repo-stats keeps a
    /// file per run), at most 16 GiB in all.
    /// </summary>
    public static readonly ArchiveLimits Upload = new() { MaxEntries = 100_000, MaxTotalBytes = 16L << 30 };

    /// <summary>Unpacked bytes of one table: ten years of 10,000 repositories' days fit.</summary>
    public long MaxEntryBytes { get; init; } = 16L << 30;

    /// <summary>Unpacked bytes of the whole archive.</summary>
    public long MaxTotalBytes { get; init; } = 64L << 30;

    /// <summary>Unpacked bytes per compressed byte; GhStats' own lines pack about 10 to 1.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Below this many unpacked bytes an entry's ratio is not judged (tiny entries pack oddly).</summary>
    public long RatioFloorBytes { get; init; } = 1L << 20;

    /// <summary>Characters of one JSON line; no row of GhStats comes near it.</summary>
    public int MaxLineChars { get; init; } = 64 * 1024;

    /// <summary>Bytes of manifest.json.</summary>
    public int MaxManifestBytes { get; init; } = 1 << 20;

    /// <summary>Entries in the archive: the manifest and one per table.</summary>
    public int MaxEntries { get; init; } = 32;
}
