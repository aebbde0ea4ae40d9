using GhStats.Domain;
using Microsoft.Extensions.Options;

namespace GhStats;

/// <summary>Checks the coverage settings at start.</summary>
internal sealed class GhStatsCoverageOptionsValidator : IValidateOptions<GhStatsCoverageOptions>
{
    public ValidateOptionsResult Validate(string? name, GhStatsCoverageOptions options) =>
        options.AtRiskAfterDays is >= 1 and < CollectionHorizon.GitHubWindowDays
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"GhStats:Coverage:AtRiskAfterDays is {options.AtRiskAfterDays}; it must be 1 to 13 (GitHub keeps 14 days, so a repository past 13 days is already losing them).");
}
