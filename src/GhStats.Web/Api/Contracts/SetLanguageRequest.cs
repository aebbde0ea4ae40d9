namespace GhStats.Web.Api.Contracts;

/// <summary>Chooses the caller's language: one of en, de, fr, es, pt-BR, ja (any case), or null to choose none.</summary>
internal sealed record SetLanguageRequest(string? Language);
