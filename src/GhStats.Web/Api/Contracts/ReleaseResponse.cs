namespace GhStats.Web.Api.Contracts;

/// <summary>A release: its downloads as last read, those counted in the asked range, and whether GitHub still lists it.</summary>
internal sealed record ReleaseResponse(long Id, string Tag, string Name, DateOnly PublishedOn, bool Prerelease, long TotalDownloads, long? DownloadsInRange, bool Listed);
