namespace GhStats.Transfer;

/// <summary>Imports and restores from uploads, bound from <c>GhStats:Transfer</c>.</summary>
public sealed class GhStatsTransferOptions
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "Transfer";

    /// <summary>The largest upload accepted, in bytes. Default 1 GiB; at least 1 MiB.</summary>
    public long MaxUploadBytes { get; set; } = 1L << 30;

    /// <summary>
    /// Where uploads are kept while their job runs (each process makes its own private folder in it, deleted when the job
    /// ends and, for a process that stopped, when the next one starts). Default: <c>ghstats-transfer</c> in the system's
    /// temporary folder. It needs room for an upload and its unpacked files.
    /// </summary>
    public string? TempDirectory { get; set; }

    /// <summary>
    /// How long a running job's heartbeat may stop before any replica fails it as left behind by a process that stopped.
    /// Default 2 minutes; 30 seconds to 1 hour.
    /// </summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(2);
}
