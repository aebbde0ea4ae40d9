namespace GhStats.Client.Models;

/// <summary>The values of <see cref="RepositoryHorizon.State"/>.</summary>
public static class HorizonState
{
    /// <summary>Read recently enough.</summary>
    public const string Fine = "fine";

    /// <summary>No successful daily read for the server's <c>atRiskAfterDays</c> or more.</summary>
    public const string AtRisk = "atRisk";

    /// <summary>No successful daily read for 14 days or more: days are falling out of GitHub's window.</summary>
    public const string LosingDays = "losingDays";
}
