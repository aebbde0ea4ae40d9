namespace GhStats;

/// <summary>
/// When a repository's data-loss horizon turns from fine to at risk, bound from <c>GhStats:Coverage</c>. GitHub keeps
/// 14 days of daily traffic: a repository not read successfully for 14 days loses days for good.
/// </summary>
public sealed class GhStatsCoverageOptions
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "Coverage";

    /// <summary>
    /// Days without a successful daily read after which a repository is "at risk" (<c>GhStats:Coverage:AtRiskAfterDays</c>),
    /// 1 to 13. Default 7.
    /// </summary>
    public int AtRiskAfterDays { get; set; } = 7;
}
