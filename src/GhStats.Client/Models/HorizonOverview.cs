namespace GhStats.Client.Models;

/// <summary>The data-loss horizon of the repositories the caller may see.</summary>
/// <param name="AtRiskAfterDays">The server's at-risk threshold in days.</param>
/// <param name="Fine">Repositories read recently enough.</param>
/// <param name="AtRisk">Repositories at risk.</param>
/// <param name="LosingDays">Repositories losing days.</param>
/// <param name="Repositories">The repositories at risk or losing days, worst first.</param>
public sealed record HorizonOverview(int AtRiskAfterDays, int Fine, int AtRisk, int LosingDays, IReadOnlyList<HorizonRepository> Repositories);
