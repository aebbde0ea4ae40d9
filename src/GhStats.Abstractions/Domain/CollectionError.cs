namespace GhStats.Domain;

/// <summary>A repository that failed in a run, and why.</summary>
/// <param name="RunId">The run.</param>
/// <param name="RepositoryId">The repository, or null when the error is not about one.</param>
/// <param name="Kind">The kind of failure.</param>
/// <param name="Message">What happened, for people.</param>
/// <param name="OccurredAt">When (UTC).</param>
public sealed record CollectionError(long RunId, long? RepositoryId, CollectionErrorKind Kind, string Message, DateTimeOffset OccurredAt);
