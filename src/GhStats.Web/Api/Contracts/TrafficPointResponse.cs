namespace GhStats.Web.Api.Contracts;

/// <summary>One day, week or month. Unique counts are null where GitHub gives none for that period.</summary>
internal sealed record TrafficPointResponse(DateOnly Date, long Views, long? UniqueViews, long Clones, long? UniqueClones);
