using GhStats.Client.Models;
using Refit;

namespace GhStats.Client;

/// <summary>
/// The audit log: who changed what and when. Admins read the whole installation's; a tenant's owners read that
/// tenant's. Read only. Filters: <c>from</c>/<c>to</c> (UTC days), <c>action</c> (a name such as <c>member.added</c>,
/// or a family ending in a dot such as <c>member.</c>), <c>actor</c> (part of the actor's name, any case).
/// </summary>
public interface IGhStatsAudit
{
    /// <summary>A page of the installation's audit log (admins).</summary>
    /// <param name="tenant">A tenant's slug to narrow it to; null for every entry.</param>
    /// <param name="from">The first UTC day.</param>
    /// <param name="through">The last UTC day (query parameter <c>to</c>).</param>
    /// <param name="action">An action, or a family ending in a dot.</param>
    /// <param name="actor">Part of the actor's name.</param>
    /// <param name="before">The previous page's <see cref="AuditLog.NextBefore"/>.</param>
    /// <param name="limit">Entries per page, 1 to 200; null for 50.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    [Get("/api/v1/audit")]
    Task<AuditLog> ListAuditAsync(
        [Query] string? tenant = null,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        [Query] string? action = null,
        [Query] string? actor = null,
        [Query] long? before = null,
        [Query] int? limit = null,
        CancellationToken cancellationToken = default);

    /// <summary>A page of a tenant's audit log (its owners and admins).</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="from">The first UTC day.</param>
    /// <param name="through">The last UTC day (query parameter <c>to</c>).</param>
    /// <param name="action">An action, or a family ending in a dot.</param>
    /// <param name="actor">Part of the actor's name.</param>
    /// <param name="before">The previous page's <see cref="AuditLog.NextBefore"/>.</param>
    /// <param name="limit">Entries per page, 1 to 200; null for 50.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    [Get("/api/v1/tenants/{tenant}/audit")]
    Task<AuditLog> ListTenantAuditAsync(
        string tenant,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        [Query] string? action = null,
        [Query] string? actor = null,
        [Query] long? before = null,
        [Query] int? limit = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The installation's audit log as CSV (admins): id, occurred_at, tenant, actor_kind, actor, action, target_kind,
    /// target_id, target_name, details, client_address. Dispose the stream.
    /// </summary>
    /// <param name="tenant">A tenant's slug to narrow it to; null for every entry.</param>
    /// <param name="from">The first UTC day.</param>
    /// <param name="through">The last UTC day (query parameter <c>to</c>).</param>
    /// <param name="action">An action, or a family ending in a dot.</param>
    /// <param name="actor">Part of the actor's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The CSV.</returns>
    [Get("/api/v1/audit.csv")]
    Task<Stream> ExportAuditCsvAsync(
        [Query] string? tenant = null,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        [Query] string? action = null,
        [Query] string? actor = null,
        CancellationToken cancellationToken = default);

    /// <summary>A tenant's audit log as CSV (its owners and admins; client_address empty for owners). Dispose the stream.</summary>
    /// <param name="tenant">The tenant's slug.</param>
    /// <param name="from">The first UTC day.</param>
    /// <param name="through">The last UTC day (query parameter <c>to</c>).</param>
    /// <param name="action">An action, or a family ending in a dot.</param>
    /// <param name="actor">Part of the actor's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The CSV.</returns>
    [Get("/api/v1/tenants/{tenant}/audit.csv")]
    Task<Stream> ExportTenantAuditCsvAsync(
        string tenant,
        [Query(Format = "yyyy-MM-dd")] DateOnly? from = null,
        [Query(Format = "yyyy-MM-dd"), AliasAs("to")] DateOnly? through = null,
        [Query] string? action = null,
        [Query] string? actor = null,
        CancellationToken cancellationToken = default);
}
