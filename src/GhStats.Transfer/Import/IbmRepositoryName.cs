namespace GhStats.Transfer.Import;

/// <summary>A repository of the IBM app by its id (RID), with the owner and name it keeps in REPOS and GHORGUSERS.</summary>
/// <param name="Owner">The GitHub owner (GHORGUSERS.USERNAME), if known.</param>
/// <param name="Name">The GitHub name (REPOS.RNAME), if known.</param>
/// <param name="Origin">Where the name comes from, for messages.</param>
internal sealed record IbmRepositoryName(string? Owner, string? Name, string Origin);
