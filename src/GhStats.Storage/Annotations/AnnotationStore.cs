using System.Globalization;
using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Stores;

namespace GhStats.Storage.Annotations;

/// <summary>Owners' notes on days, on a relational database.</summary>
internal sealed class AnnotationStore(StoreDatabase db, AnnotationStatements sql) : IAnnotationStore
{
    public async Task<Annotation> AddAsync(NewAnnotation annotation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        var text = Input.Required(annotation.Text?.Trim(), nameof(annotation.Text), FieldLimits.AnnotationText);
        var link = Link(annotation.Link);
        var createdBy = Input.Cut(Input.Required(annotation.CreatedBy, nameof(annotation.CreatedBy), int.MaxValue), FieldLimits.AuditActor)!;
        var today = db.Today;
        if (annotation.Day < Input.EarliestDay || annotation.Day > today.AddDays(1))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Day {annotation.Day:yyyy-MM-dd} is outside {Input.EarliestDay:yyyy-MM-dd}..{today.AddDays(1):yyyy-MM-dd}."), nameof(annotation));
        }

        return await db.WriteAsync(
            async (connection, transaction) =>
            {
                await db.RequireAsync(connection, transaction, sql.TenantExists, c => c.With("tenant_id", annotation.TenantId), "tenant", annotation.TenantId, cancellationToken).ConfigureAwait(false);
                if (annotation.RepositoryId is { } repositoryId)
                {
                    await db.RequireAsync(connection, transaction, sql.RepositoryInTenant, c => c.With("repo_id", repositoryId).With("tenant_id", annotation.TenantId), "repository", repositoryId, cancellationToken).ConfigureAwait(false);
                }

                var now = db.Now;
                using var insert = db.Command(connection, transaction, sql.Insert)
                    .With("tenant_id", annotation.TenantId).With("repo_id", annotation.RepositoryId).With("day", annotation.Day)
                    .With("note", text).With("link", link).With("created_by", createdBy).With("created_at", now);
                var id = await insert.ScalarInt64Async(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The database returned no id for the new annotation.");
                return new Annotation(id, annotation.TenantId, annotation.RepositoryId, annotation.Day, text, link, createdBy, now);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<Annotation>> ListForRepositoryAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(range);
        return db.ReadAsync<IReadOnlyList<Annotation>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.ListForRepository)
                    .With("tenant_id", tenantId).With("repo_id", repositoryId).With("from_day", range.From).With("to_day", range.To);
                return await command.ListAsync(AnnotationRows.Shape, AnnotationRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Annotation>> ListForTenantAsync(long tenantId, DateRange range, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(range);
        return db.ReadAsync<IReadOnlyList<Annotation>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.ListForTenant)
                    .With("tenant_id", tenantId).With("from_day", range.From).With("to_day", range.To);
                return await command.ListAsync(AnnotationRows.Shape, AnnotationRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<Annotation> DeleteAsync(long tenantId, long annotationId, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async (connection, transaction) =>
            {
                Annotation? found;
                using (var get = db.Command(connection, transaction, sql.Get).With("annotation_id", annotationId).With("tenant_id", tenantId))
                {
                    found = await get.FirstOrDefaultAsync(AnnotationRows.Shape, AnnotationRows.Read, cancellationToken).ConfigureAwait(false);
                }

                using var delete = db.Command(connection, transaction, sql.Delete).With("annotation_id", annotationId).With("tenant_id", tenantId);
                if (found is null || await delete.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    throw new GhStatsNotFoundException("annotation", annotationId);
                }

                return found;
            },
            cancellationToken);

    /// <summary>A link must lead to a web page: an absolute http or https address, never javascript: or data:.</summary>
    private static string? Link(string? value)
    {
        var link = Input.Optional(value?.Trim(), nameof(NewAnnotation.Link), FieldLimits.AnnotationLink);
        if (link is not null && (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0))
        {
            throw new ArgumentException($"Link '{link}' is not an absolute http or https address.", nameof(value));
        }

        return link;
    }
}
