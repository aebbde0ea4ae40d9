namespace GhStats.Client.Models;

/// <summary>The caller's language as stored.</summary>
/// <param name="Language">The language, spelt as GhStats lists it (e.g. <c>pt-BR</c>), or null for none.</param>
public sealed record UserLanguage(string? Language);
