namespace GhStats.Domain;

/// <summary>Lets one user see one repository, and nothing else of its tenant.</summary>
/// <param name="UserId">The user.</param>
/// <param name="RepositoryId">The repository they may see.</param>
public sealed record RepositoryGrant(long UserId, long RepositoryId);
