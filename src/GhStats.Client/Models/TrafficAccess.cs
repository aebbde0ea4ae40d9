namespace GhStats.Client.Models;

/// <summary>Whether a connection could read traffic.</summary>
/// <param name="CanRead">True, false (GitHub refused), or null when it could not be checked (e.g. no repository tracked through it).</param>
/// <param name="Repository">The repository tried (owner/name).</param>
/// <param name="GitHubStatus">GitHub's HTTP status for the traffic call.</param>
public sealed record TrafficAccess(bool? CanRead, string? Repository, int? GitHubStatus);
