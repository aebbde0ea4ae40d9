using System.Globalization;
using System.Text;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api.Contracts;
using GhStats.Web.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GhStats.Web.Api;

/// <summary>
/// <c>/audit</c>: the whole audit log, for admins; <c>/tenants/{tenant}/audit</c>: one tenant's, for its owners. Read
/// only: no route changes or deletes an entry. Filters: <c>from</c>/<c>to</c> (UTC days), <c>action</c> (a name, or a
/// family ending in a dot), <c>actor</c> (part of the name); pages of <c>limit</c> entries continue with <c>before</c>.
/// </summary>
internal static class AuditEndpoints
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;
    private const string CsvContentType = "text/csv; charset=utf-8";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/audit", ListAllAsync).WithName("ListAudit").RequireAuthorization(GhStatsPolicies.Admin)
            .WithSummary("Reads the installation's audit log, newest first (admins); tenant narrows it to one tenant.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/tenants/{tenant}/audit", ListTenantAsync).WithName("ListTenantAudit")
            .WithSummary("Reads a tenant's audit log, newest first (its owners and admins).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/audit.csv", ExportAllAsync).WithName("ExportAudit").RequireAuthorization(GhStatsPolicies.Admin).WithTags("CSV export")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/tenants/{tenant}/audit.csv", ExportTenantAsync).WithName("ExportTenantAudit").WithTags("CSV export")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<AuditLogResponse>> ListAllAsync(
        string? tenant, string? from, string? to, string? action, string? actor, string? before, string? limit,
        HttpContext http, ApiAccess access, ITenantStore tenants, IAuditStore audit)
    {
        long? tenantId = string.IsNullOrWhiteSpace(tenant) ? null : (await access.VisibleTenantAsync(tenant.Trim())).Id;
        return TypedResults.Ok(await PageAsync(Query(tenantId, from, to, action, actor, before), Limit(limit), includeAddress: true, http, tenants, audit));
    }

    private static async Task<Ok<AuditLogResponse>> ListTenantAsync(
        string tenant, string? from, string? to, string? action, string? actor, string? before, string? limit,
        HttpContext http, ApiAccess access, ITenantStore tenants, IAuditStore audit)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var caller = await access.CallerAsync();
        return TypedResults.Ok(await PageAsync(Query(found.Id, from, to, action, actor, before), Limit(limit), caller.IsAdmin, http, tenants, audit));
    }

    private static async Task ExportAllAsync(
        string? tenant, string? from, string? to, string? action, string? actor, HttpContext http, ApiAccess access, ITenantStore tenants, IAuditStore audit)
    {
        var found = string.IsNullOrWhiteSpace(tenant) ? null : await access.VisibleTenantAsync(tenant.Trim());
        await ExportAsync(Query(found?.Id, from, to, action, actor, null), found?.Slug ?? "all", includeAddress: true, http, tenants, audit);
    }

    private static async Task ExportTenantAsync(
        string tenant, string? from, string? to, string? action, string? actor, HttpContext http, ApiAccess access, ITenantStore tenants, IAuditStore audit)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var caller = await access.CallerAsync();
        await ExportAsync(Query(found.Id, from, to, action, actor, null), found.Slug, caller.IsAdmin, http, tenants, audit);
    }

    private static async Task<AuditLogResponse> PageAsync(AuditQuery query, int limit, bool includeAddress, HttpContext http, ITenantStore tenants, IAuditStore audit)
    {
        var entries = await audit.ListAsync(query, limit, http.RequestAborted);
        var slugs = await SlugsAsync(tenants, http.RequestAborted);
        return new AuditLogResponse(
            entries.Select(e => e.ToResponse(e.TenantId is { } t ? slugs.GetValueOrDefault(t) : null, includeAddress)).ToList(),
            entries.Count == limit ? entries[^1].Id : null);
    }

    private static async Task ExportAsync(AuditQuery query, string scope, bool includeAddress, HttpContext http, ITenantStore tenants, IAuditStore audit)
    {
        var slugs = await SlugsAsync(tenants, http.RequestAborted);
        var response = http.Response;
        response.ContentType = CsvContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"ghstats-audit-{SafeFileName(scope)}.csv\"";
        response.Headers.XContentTypeOptions = "nosniff";
        await using var csv = new CsvWriter(new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true));
        await csv.HeaderAsync("id", "occurred_at", "tenant", "actor_kind", "actor", "action", "target_kind", "target_id", "target_name", "details", "client_address");
        await foreach (var entry in audit.StreamAsync(query, http.RequestAborted))
        {
            var tenant = entry.TenantId is { } t ? slugs.GetValueOrDefault(t) ?? t.ToString(CultureInfo.InvariantCulture) : null;
            await csv.Number(entry.Id).Text(entry.OccurredAt.ToString("O", CultureInfo.InvariantCulture)).Text(tenant)
                .Text(WireNames.Of(entry.Actor.Kind)).Text(entry.Actor.Name).Text(entry.Action)
                .Text(entry.Target?.Kind).Text(entry.Target?.Id).Text(entry.Target?.Name).Text(entry.Details)
                .Text(includeAddress ? entry.ClientAddress : null).EndLineAsync();
        }
    }

    /// <summary>Every tenant's slug by id; a deleted tenant's entries keep its id, and its slug lives on in the entry's target.</summary>
    private static async Task<Dictionary<long, string>> SlugsAsync(ITenantStore tenants, CancellationToken cancellationToken) =>
        (await tenants.ListAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.Slug);

    private static AuditQuery Query(long? tenantId, string? from, string? to, string? action, string? actor, string? before)
    {
        var first = Day(from, "from");
        var last = Day(to, "to");
        if (first > last)
        {
            throw ApiProblems.Invalid("RangeReversed", RangeQuery.Iso(first), RangeQuery.Iso(last));
        }

        var beforeId = PageQuery.Before(before, "BeforeEntry");
        if (action?.Trim().Length > FieldLimits.AuditAction || actor?.Trim().Length > FieldLimits.AuditActor)
        {
            throw ApiProblems.Invalid("AuditFilterTooLong", FieldLimits.AuditAction, FieldLimits.AuditActor);
        }

        return new AuditQuery(
            tenantId,
            first is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            last is { } l ? new DateTimeOffset(l.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            string.IsNullOrWhiteSpace(action) ? null : action.Trim(),
            string.IsNullOrWhiteSpace(actor) ? null : actor.Trim(),
            beforeId);
    }

    private static DateOnly? Day(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 1970 and < 9999 ? day
        : throw ApiProblems.Invalid("DayInvalid", name, value);

    private static int Limit(string? limit) => PageQuery.Limit(limit, DefaultLimit, MaxLimit);

    private static string SafeFileName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_').ToArray());
}
