namespace GhStats.Web.Api.Contracts;

/// <summary>A repository at risk of losing days, or losing them.</summary>
internal sealed record HorizonRepositoryResponse(long RepoId, string Tenant, string FullName, HorizonResponse Horizon);
