namespace GhStats.Client.Models;

/// <summary>Chooses the caller's language for pages (on every browser they sign in with) and their digests and alerts.</summary>
/// <param name="Language"><c>en</c>, <c>de</c>, <c>fr</c>, <c>es</c>, <c>pt-BR</c> or <c>ja</c> (any case), or null to choose none.</param>
public sealed record SetLanguageRequest(string? Language);
