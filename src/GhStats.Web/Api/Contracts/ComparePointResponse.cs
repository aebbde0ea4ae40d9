namespace GhStats.Web.Api.Contracts;

/// <summary>
/// One period of one repository: its coverage ("complete", "partial", "notCollected") and day counts, its value (null
/// where not known, never zero) and the value divided by the repository's baseline (null where either is unknown).
/// </summary>
internal sealed record ComparePointResponse(DateOnly Date, string Coverage, int Days, int KnownDays, int PartialDays, long? Value, double? Normalised);
