namespace GhStats.Domain;

/// <summary>
/// A note an owner put on a day: on one repository, or on a whole tenant (every repository's charts show it). Charts
/// draw it as a marker next to the releases of the repository.
/// </summary>
/// <param name="Id">Store-assigned identifier.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="RepositoryId">The repository, or null for a note on the whole tenant.</param>
/// <param name="Day">The UTC day the note is about.</param>
/// <param name="Text">What happened, at most <see cref="FieldLimits.AnnotationText"/> characters.</param>
/// <param name="Link">An absolute http or https address to read more, or null.</param>
/// <param name="CreatedBy">Who wrote it (their email or name at the time).</param>
/// <param name="CreatedAt">When it was written (UTC).</param>
public sealed record Annotation(
    long Id,
    long TenantId,
    long? RepositoryId,
    DateOnly Day,
    string Text,
    string? Link,
    string CreatedBy,
    DateTimeOffset CreatedAt);
