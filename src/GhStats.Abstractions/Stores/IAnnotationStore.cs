using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>Owners' notes on days of a repository or of a whole tenant, drawn as markers on time charts.</summary>
public interface IAnnotationStore
{
    /// <summary>Stores a note.</summary>
    /// <param name="annotation">The note.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored note.</returns>
    /// <exception cref="ArgumentException">
    /// When the text is blank or too long, the link is not an absolute http or https address or too long, or the day lies
    /// before 2008-01-01 or after tomorrow.
    /// </exception>
    /// <exception cref="GhStatsNotFoundException">When the tenant, or the repository in the tenant, does not exist.</exception>
    Task<Annotation> AddAsync(NewAnnotation annotation, CancellationToken cancellationToken = default);

    /// <summary>The notes a repository's charts show in a range: its own and its tenant's, by day, then by id.</summary>
    /// <param name="tenantId">The repository's tenant.</param>
    /// <param name="repositoryId">The repository.</param>
    /// <param name="range">The days.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The notes; none when the repository is not in the tenant.</returns>
    Task<IReadOnlyList<Annotation>> ListForRepositoryAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default);

    /// <summary>A tenant's notes on the whole tenant in a range, by day, then by id.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="range">The days.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The notes.</returns>
    Task<IReadOnlyList<Annotation>> ListForTenantAsync(long tenantId, DateRange range, CancellationToken cancellationToken = default);

    /// <summary>Deletes a note of a tenant (on the tenant or on one of its repositories).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="annotationId">The note.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deleted note.</returns>
    /// <exception cref="GhStatsNotFoundException">When the note is not in the tenant.</exception>
    Task<Annotation> DeleteAsync(long tenantId, long annotationId, CancellationToken cancellationToken = default);
}
