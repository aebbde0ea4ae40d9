using GhStats.Domain;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Api;

/// <summary>Each repository's data-loss horizon as of today (UTC, from the injected clock) under the configured threshold.</summary>
internal sealed class CollectionHorizons(TimeProvider clock, IOptions<GhStatsCoverageOptions> options)
{
    public int AtRiskAfterDays => options.Value.AtRiskAfterDays;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public CollectionHorizon Of(TrackedRepository repository) => CollectionHorizon.Of(repository, Today, AtRiskAfterDays);
}
