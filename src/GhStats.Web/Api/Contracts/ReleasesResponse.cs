namespace GhStats.Web.Api.Contracts;

/// <summary>A repository's releases, newest published first, with their downloads as last read.</summary>
internal sealed record ReleasesResponse(long RepoId, DateOnly? LastReadOn, long TotalDownloads, IReadOnlyList<ReleaseResponse> Releases);
