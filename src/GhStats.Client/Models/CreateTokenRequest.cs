namespace GhStats.Client.Models;

/// <summary>Makes a personal API token.</summary>
/// <param name="Name">What the token is for, e.g. "nightly report".</param>
/// <param name="ExpiresInDays">Days until it expires, 1 to 366; null for the server's default of 90.</param>
public sealed record CreateTokenRequest(string Name, int? ExpiresInDays = null);
