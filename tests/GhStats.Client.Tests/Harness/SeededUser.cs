namespace GhStats.Client.Tests.Harness;

/// <summary>A profile made for a test, with its personal API token.</summary>
public sealed record SeededUser(long Id, string Email, long TokenId, string Token);
