namespace GhStats.Web.Api.Contracts;

/// <summary>A release's downloads on one day.</summary>
internal sealed record ReleaseDayResponse(long Id, long Downloads);
