using Microsoft.Extensions.Options;

namespace GhStats.Storage.Health;

/// <summary>Checks <see cref="GhStatsHealthOptions"/> at start.</summary>
internal sealed class GhStatsHealthOptionsValidator : IValidateOptions<GhStatsHealthOptions>
{
    public ValidateOptionsResult Validate(string? name, GhStatsHealthOptions options) =>
        options.CollectionMaxAge > TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("GhStats:Health:CollectionMaxAge must be positive, e.g. 2.00:00:00 for two days.");
}
