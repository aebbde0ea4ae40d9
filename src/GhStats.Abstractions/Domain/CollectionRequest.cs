namespace GhStats.Domain;

/// <summary>A request to collect now.</summary>
/// <param name="Trigger">What asks: the cron endpoint, the schedule or a person.</param>
/// <param name="RequestedBy">Who asks, for the log.</param>
/// <param name="TenantId">One tenant, or null for all.</param>
public sealed record CollectionRequest(CollectionTrigger Trigger, string? RequestedBy, long? TenantId = null);
