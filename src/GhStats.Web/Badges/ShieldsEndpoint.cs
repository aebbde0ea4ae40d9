namespace GhStats.Web.Badges;

/// <summary>The shields.io endpoint badge schema (https://shields.io/badges/endpoint-badge).</summary>
internal sealed record ShieldsEndpoint(int SchemaVersion, string Label, string Message, string Color, int CacheSeconds);
