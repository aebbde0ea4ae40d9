namespace GhStats.Testing.GitHub;

/// <summary>One entry of a repository's stargazers list: who starred it and when (UTC).</summary>
public sealed record SimulatedStargazer(string Login, long UserId, DateTimeOffset StarredAt);
