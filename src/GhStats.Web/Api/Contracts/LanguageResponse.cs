namespace GhStats.Web.Api.Contracts;

/// <summary>The caller's language as stored, spelt as GhStats lists it (e.g. pt-BR), or null for none.</summary>
internal sealed record LanguageResponse(string? Language);
