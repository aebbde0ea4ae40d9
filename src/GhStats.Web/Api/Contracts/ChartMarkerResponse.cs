namespace GhStats.Web.Api.Contracts;

/// <summary>
/// One marker of a time chart: an owner's note (<c>kind</c> "note", with its id) or a release (<c>kind</c> "release",
/// no id, title the release name, text its tag), on a day, for one repository or the whole tenant (<c>scope</c>).
/// </summary>
internal sealed record ChartMarkerResponse(long? Id, string Kind, DateOnly Date, string Title, string Text, string? Link, string Scope);
