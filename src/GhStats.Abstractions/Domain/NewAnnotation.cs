namespace GhStats.Domain;

/// <summary>What it takes to put a note on a day.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="RepositoryId">The repository of the tenant, or null for a note on the whole tenant.</param>
/// <param name="Day">The UTC day the note is about.</param>
/// <param name="Text">What happened: not blank, at most <see cref="FieldLimits.AnnotationText"/> characters.</param>
/// <param name="Link">An absolute http or https address, at most <see cref="FieldLimits.AnnotationLink"/> characters, or null.</param>
/// <param name="CreatedBy">Who writes it.</param>
public sealed record NewAnnotation(
    long TenantId,
    long? RepositoryId,
    DateOnly Day,
    string Text,
    string? Link,
    string CreatedBy);
