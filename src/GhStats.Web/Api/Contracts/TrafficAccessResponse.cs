namespace GhStats.Web.Api.Contracts;

/// <summary>Whether traffic could be read: true, false (GitHub refused), or null when it could not be checked; with the repository tried and GitHub's status.</summary>
internal sealed record TrafficAccessResponse(bool? CanRead, string? Repository, int? GitHubStatus);
