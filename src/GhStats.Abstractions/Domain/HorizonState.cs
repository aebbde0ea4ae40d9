namespace GhStats.Domain;

/// <summary>How close a repository is to losing days for good: GitHub keeps only the last 14 days of traffic.</summary>
public enum HorizonState
{
    /// <summary>Read recently enough.</summary>
    Fine = 0,

    /// <summary>No successful daily read for <see cref="GhStatsCoverageOptions.AtRiskAfterDays"/> days or more.</summary>
    AtRisk = 1,

    /// <summary>No successful daily read for 14 days or more: days are falling out of GitHub's window unread.</summary>
    LosingDays = 2,
}
