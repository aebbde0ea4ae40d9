namespace GhStats.Client.Models;

/// <summary>A person the source let in, reported so an admin can invite them.</summary>
/// <param name="Email">Their email.</param>
/// <param name="Name">Their name in the source.</param>
/// <param name="Roles">Their roles as GhStats would name them, e.g. <c>Owner of tenant octo (1000)</c>.</param>
public sealed record ImportedUser(string Email, string Name, IReadOnlyList<string> Roles);
