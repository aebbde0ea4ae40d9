namespace GhStats.Client.Models;

/// <summary>A repository at risk of losing days, or losing them.</summary>
/// <param name="RepoId">The repository.</param>
/// <param name="Tenant">The slug of the tenant that tracks it.</param>
/// <param name="FullName">owner/name on GitHub.</param>
/// <param name="Horizon">Its horizon.</param>
public sealed record HorizonRepository(long RepoId, string Tenant, string FullName, RepositoryHorizon Horizon);
