namespace GhStats.Web.Api.Contracts;

/// <summary>A note on a day: the UTC day as yyyy-MM-dd, what happened, and optionally an http or https address to read more.</summary>
internal sealed record CreateAnnotationRequest(string? Date, string? Text, string? Link);
