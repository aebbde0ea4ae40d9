using System.Text.Json.Serialization;

namespace GhStats.Web.Api.Contracts;

/// <summary>
/// One day, week or month; the series holds one for every period of its range. A day carries its coverage
/// ("complete", "partial", "notCollected"); a week or month carries how many of its days there are, are known and are
/// partial. Counts are null where nothing of the period was collected (never a silent zero); unique counts are also
/// null where GitHub gives none for that period.
/// </summary>
internal sealed record TrafficPointResponse(
    DateOnly Date,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Coverage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Days,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? KnownDays,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PartialDays,
    long? Views,
    long? UniqueViews,
    long? Clones,
    long? UniqueClones);
