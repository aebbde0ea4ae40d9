namespace GhStats.Domain;

/// <summary>Whether a connection could read a repository's traffic (<c>GET /repos/{owner}/{repo}/traffic/views</c>).</summary>
/// <param name="CanRead">True when it could, false when GitHub refused every repository tried, null when it could not be checked (no repository to try, or GitHub not reached).</param>
/// <param name="Repository">The repository that answered, or the last one tried; null when none was tried.</param>
/// <param name="GitHubStatus">GitHub's HTTP status for that repository, when it answered.</param>
public sealed record TrafficAccessCheck(bool? CanRead, string? Repository, int? GitHubStatus)
{
    /// <summary>Nothing was tried.</summary>
    public static TrafficAccessCheck NotChecked { get; } = new(null, null, null);
}
