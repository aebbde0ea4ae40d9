namespace GhStats.Testing.GitHub;

/// <summary>What the simulator answers, before the common headers are added.</summary>
internal readonly record struct ApiAnswer(int Status, byte[] Body, string? Link = null, int? RetryAfterSeconds = null);
