namespace GhStats.Transfer.Import;

/// <summary>A person the source let in, with the roles it gave them: reported so an admin can invite them, never granted.</summary>
/// <param name="Email">Their email.</param>
/// <param name="Name">Their name in the source.</param>
/// <param name="Roles">Their roles as GhStats would name them, e.g. <c>Owner of tenant octo (1000)</c>.</param>
public sealed record ImportedUser(string Email, string Name, IReadOnlyList<string> Roles);
