namespace GhStats.Client.Models;

/// <summary>A note on a day (owners of the tenant).</summary>
/// <param name="Date">The UTC day, yyyy-MM-dd; from 2008-01-01 to tomorrow.</param>
/// <param name="Text">What happened: not blank, at most 500 characters; its first line is the marker's title.</param>
/// <param name="Link">An absolute http or https address to read more, at most 2,000 characters; null for none.</param>
public sealed record CreateAnnotationRequest(string Date, string Text, string? Link = null);
