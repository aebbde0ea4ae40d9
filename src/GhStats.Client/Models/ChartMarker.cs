namespace GhStats.Client.Models;

/// <summary>One marker of a time chart: an owner's note, or a release of the repository.</summary>
/// <param name="Id">The note's id (to delete it); null for a release.</param>
/// <param name="Kind">"note" or "release".</param>
/// <param name="Date">The UTC day it marks.</param>
/// <param name="Title">A short title: a note's first line, a release's name.</param>
/// <param name="Text">A note's whole text, a release's tag.</param>
/// <param name="Link">An http or https address to read more; null for none.</param>
/// <param name="Scope">"repository", or "tenant" for a note on the whole tenant.</param>
public sealed record ChartMarker(long? Id, string Kind, DateOnly Date, string Title, string Text, string? Link, string Scope);
