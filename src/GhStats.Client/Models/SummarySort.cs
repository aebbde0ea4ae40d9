using System.Runtime.Serialization;

namespace GhStats.Client.Models;

/// <summary>What a summary page is sorted by; ties go by name. Repositories without a value come last in either order.</summary>
public enum SummarySort
{
    /// <summary>owner/name, ignoring case.</summary>
    [EnumMember(Value = "fullName")]
    Name,

    /// <summary>Views in the range.</summary>
    [EnumMember(Value = "views")]
    Views,

    /// <summary>The change in views against the period before (only comparable periods have one).</summary>
    [EnumMember(Value = "viewsChange")]
    ViewsChange,

    /// <summary>The largest daily unique visitor count in the range.</summary>
    [EnumMember(Value = "peakDailyUniqueViews")]
    PeakDailyUniqueViews,

    /// <summary>Clones in the range.</summary>
    [EnumMember(Value = "clones")]
    Clones,

    /// <summary>The change in clones against the period before.</summary>
    [EnumMember(Value = "clonesChange")]
    ClonesChange,

    /// <summary>The largest daily unique cloner count in the range.</summary>
    [EnumMember(Value = "peakDailyUniqueClones")]
    PeakDailyUniqueClones,

    /// <summary>Stars at the latest collection.</summary>
    [EnumMember(Value = "stars")]
    Stars,

    /// <summary>Forks at the latest collection.</summary>
    [EnumMember(Value = "forks")]
    Forks,

    /// <summary>Days since the last successful daily read (the data-loss horizon).</summary>
    [EnumMember(Value = "daysSinceRead")]
    DaysSinceRead,

    /// <summary>How the last collection went.</summary>
    [EnumMember(Value = "lastStatus")]
    LastStatus,

    /// <summary>When it was last collected.</summary>
    [EnumMember(Value = "lastCollectedAt")]
    LastCollectedAt,
}
