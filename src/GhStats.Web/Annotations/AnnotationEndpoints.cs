using System.Globalization;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api;
using GhStats.Web.Api.Contracts;
using GhStats.Web.Auditing;
using GhStats.Web.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Annotations;

/// <summary>
/// Chart markers and owners' notes: <c>/repos/{id}/annotations</c> (the repository's notes and its tenant's, as markers,
/// and as CSV), <c>/tenants/{tenant}/annotations</c> (tenant-wide notes); owners write and delete notes.
/// </summary>
internal static class AnnotationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/repos/{id:long}/annotations", ListForRepositoryAsync).WithName("ListRepositoryAnnotations")
            .WithSummary("The markers of the repository's time charts in a range: its notes, its tenant's notes and its releases, by date.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithRangeQuery();
        api.MapGet("/repos/{id:long}/annotations.csv", ExportAsync).WithName("ExportAnnotations")
            .WithSummary("The repository's chart markers as CSV.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithRangeQuery();
        api.MapPost("/repos/{id:long}/annotations", AddToRepositoryAsync).WithName("AddRepositoryAnnotation")
            .WithSummary("Puts a note on a day of the repository (owners of its tenant).")
            .Accepts<CreateAnnotationRequest>("application/json").Produces<ChartMarkerResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/tenants/{tenant}/annotations", ListForTenantAsync).WithName("ListTenantAnnotations")
            .WithSummary("The tenant-wide notes in a range, by date, as chart markers.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithRangeQuery();
        api.MapPost("/tenants/{tenant}/annotations", AddToTenantAsync).WithName("AddTenantAnnotation")
            .WithSummary("Puts a note on a day of the whole tenant: every repository's charts show it (owners).")
            .Accepts<CreateAnnotationRequest>("application/json").Produces<ChartMarkerResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/tenants/{tenant}/annotations/{id:long}", DeleteAsync).WithName("DeleteAnnotation")
            .WithSummary("Deletes a note of the tenant, on the tenant or on one of its repositories (owners).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<ChartMarkersResponse>> ListForRepositoryAsync(
        long id, HttpContext http, ApiAccess access, ChartMarkers markers, IOptions<GhStatsApiOptions> options, TimeProvider clock)
    {
        var range = RangeQuery.Range(http.Request, options.Value, clock);
        var repository = await access.RepositoryAsync(id);
        return TypedResults.Ok(new ChartMarkersResponse(await markers.ForRepositoryAsync(repository, range, http.RequestAborted)));
    }

    private static async Task<Ok<ChartMarkersResponse>> ListForTenantAsync(
        string tenant, HttpContext http, ApiAccess access, ChartMarkers markers, IOptions<GhStatsApiOptions> options, TimeProvider clock)
    {
        var range = RangeQuery.Range(http.Request, options.Value, clock);
        var found = await access.VisibleTenantAsync(tenant);
        return TypedResults.Ok(new ChartMarkersResponse(await markers.ForTenantAsync(found, range, http.RequestAborted)));
    }

    private static async Task ExportAsync(long id, HttpContext http, ApiAccess access, ChartMarkers markers, IOptions<GhStatsApiOptions> options, TimeProvider clock)
    {
        var range = RangeQuery.Range(http.Request, options.Value, clock);
        var repository = await access.RepositoryAsync(id);
        var items = await markers.ForRepositoryAsync(repository, range, http.RequestAborted);
        await using var csv = CsvEndpoints.Start(http, $"{repository.Owner}-{repository.Name}-annotations-{range.From:yyyyMMdd}-{range.To:yyyyMMdd}.csv");
        await csv.HeaderAsync("repository", "date", "kind", "scope", "title", "text", "link", "id");
        foreach (var marker in items)
        {
            await csv.Text(repository.FullName).Date(marker.Date).Text(marker.Kind).Text(marker.Scope)
                .Text(marker.Title).Text(marker.Text).Text(marker.Link).Number(marker.Id).EndLineAsync();
        }
    }

    private static async Task<Created<ChartMarkerResponse>> AddToRepositoryAsync(long id, HttpContext http, ApiAccess access, IAnnotationStore annotations)
    {
        var request = await ApiBody.ReadAsync<CreateAnnotationRequest>(http);
        var repository = await access.RepositoryAsync(id, manage: true);
        return await AddAsync(request, repository.TenantId, repository, http, access, annotations);
    }

    private static async Task<Created<ChartMarkerResponse>> AddToTenantAsync(string tenant, HttpContext http, ApiAccess access, IAnnotationStore annotations)
    {
        var request = await ApiBody.ReadAsync<CreateAnnotationRequest>(http);
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        return await AddAsync(request, found.Id, null, http, access, annotations);
    }

    private static async Task<Created<ChartMarkerResponse>> AddAsync(
        CreateAnnotationRequest request, long tenantId, TrackedRepository? repository, HttpContext http, ApiAccess access, IAnnotationStore annotations)
    {
        if (!DateOnly.TryParseExact(request.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw ApiProblems.Invalid("AnnotationDateInvalid", request.Date);
        }

        var actor = AuditTrail.ActorOf(await access.CallerAsync());
        Annotation note;
        try
        {
            note = await annotations.AddAsync(new NewAnnotation(tenantId, repository?.Id, day, request.Text ?? string.Empty, request.Link, actor.Name), http.RequestAborted);
        }
        catch (ArgumentException invalid)
        {
            throw ApiProblems.InvalidUntranslated(InWireNames(invalid));
        }

        await AuditTrail.Of(http).RecordAsync(AuditActions.AnnotationCreated, tenantId, AuditTargets.Annotation(note),
            repository is null ? "scope=tenant" : $"scope=repository {repository.FullName}");
        return TypedResults.Created((string?)null, ChartMarkers.Of(note));
    }

    private static async Task<NoContent> DeleteAsync(string tenant, long id, HttpContext http, ApiAccess access, IAnnotationStore annotations)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var note = await annotations.DeleteAsync(found.Id, id, http.RequestAborted);
        await AuditTrail.Of(http).RecordAsync(AuditActions.AnnotationDeleted, found.Id, AuditTargets.Annotation(note));
        return TypedResults.NoContent();
    }

    /// <summary>The store names the record's fields ("Text", "Day"); the caller sent JSON fields ("text", "date").</summary>
    private static string InWireNames(ArgumentException invalid)
    {
        var message = invalid.ParamName is { } name ? invalid.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : invalid.Message;
        foreach (var (field, wire) in new[] { ("Text ", "text "), ("Link ", "link "), ("Day ", "date ") })
        {
            if (message.StartsWith(field, StringComparison.Ordinal))
            {
                return wire + message[field.Length..];
            }
        }

        return message;
    }
}
