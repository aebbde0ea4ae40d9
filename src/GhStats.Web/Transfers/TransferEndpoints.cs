using System.Text.Json;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api;
using GhStats.Web.Auditing;
using GhStats.Web.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace GhStats.Web.Transfers;

/// <summary>
/// Imports, restores and exports, for a tenant's owners (<c>/tenants/{tenant}/...</c>) and for admins (the
/// installation's archive and the jobs of no tenant). Uploads stream to <see cref="ITransferService"/>, which runs them
/// as background jobs; every replica reads their progress from <see cref="ITransferJobStore"/>. Without
/// <c>AddTransfer()</c> in the host these routes answer 501, after the caller's access is checked.
/// </summary>
internal static partial class TransferEndpoints
{
    private const int ListLimit = 50;
    private const string ZipContentType = "application/zip";
    private static readonly string[] ImportFields = ["source", "dryRun", "historyOnly", "repositoryNames"];
    private static readonly string[] RestoreFields = ["dryRun"];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tenants/{tenant}/transfers", ListAsync).WithName("ListTransfers")
            .WithSummary("Lists the tenant's import and restore jobs, newest first (at most 50), without their reports.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status501NotImplemented);
        api.MapGet("/tenants/{tenant}/transfers/{id:long}", GetAsync).WithName("GetTransfer")
            .WithSummary("Reads one of the tenant's jobs: its state, progress and, once finished, its report.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status501NotImplemented);
        api.MapGet("/tenants/{tenant}/import-sources", SourcesAsync).WithName("ListImportSources")
            .WithSummary("Lists the sources an import reads (the tools whose history comes across).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status501NotImplemented);
        api.MapPost("/tenants/{tenant}/imports", ImportAsync).WithName("StartImport")
            .WithSummary("Uploads another tool's files and imports them into the tenant in the background (a dry run unless dryRun is false). Send the fields first and the file last.")
            .Accepts<ImportForm>("multipart/form-data").Produces<TransferJobResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status501NotImplemented);
        api.MapPost("/tenants/{tenant}/restore", RestoreTenantAsync).WithName("StartRestore")
            .WithSummary("Uploads an archive of this tenant and restores it in the background (a dry run unless dryRun is false); an archive holding any other tenant is refused.")
            .Accepts<RestoreForm>("multipart/form-data").Produces<TransferJobResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status501NotImplemented);
        api.MapGet("/tenants/{tenant}/export", ExportTenantAsync).WithName("ExportTenant")
            .WithSummary("Downloads the tenant as one archive (a zip: manifest and JSON lines per table; no secrets, no people).")
            .Produces<Stream>(StatusCodes.Status200OK, ZipContentType)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status501NotImplemented);

        api.MapGet("/transfers", (Delegate)ListInstallationAsync).WithName("ListInstallationTransfers").RequireAuthorization(GhStatsPolicies.Admin)
            .WithSummary("Lists the restores of installation archives (jobs of no tenant), newest first (admins).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status501NotImplemented);
        api.MapGet("/transfers/{id:long}", GetInstallationAsync).WithName("GetInstallationTransfer").RequireAuthorization(GhStatsPolicies.Admin)
            .WithSummary("Reads one job of no tenant, with its report once finished (admins).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status501NotImplemented);
        api.MapPost("/restore", RestoreInstallationAsync).WithName("StartInstallationRestore").RequireAuthorization(GhStatsPolicies.Admin)
            .WithSummary("Uploads an archive (a tenant's or the installation's) and restores every tenant in it in the background (admins; a dry run unless dryRun is false).")
            .Accepts<RestoreForm>("multipart/form-data").Produces<TransferJobResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status501NotImplemented);
        api.MapGet("/export", ExportInstallationAsync).WithName("ExportInstallation").RequireAuthorization(GhStatsPolicies.Admin)
            .WithSummary("Downloads every tenant of the installation as one archive (admins).")
            .Produces<Stream>(StatusCodes.Status200OK, ZipContentType)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status501NotImplemented);
    }

    private static async Task<Ok<List<TransferJobResponse>>> ListAsync(string tenant, HttpContext http, ApiAccess access)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        return TypedResults.Ok(await JobsOfAsync(found.Id, http));
    }

    private static async Task<Ok<TransferJobResponse>> GetAsync(string tenant, long id, HttpContext http, ApiAccess access)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        return TypedResults.Ok(await JobAsync(found.Id, id, http));
    }

    private static async Task<Ok<List<ImportSourceResponse>>> SourcesAsync(string tenant, HttpContext http, ApiAccess access)
    {
        await access.TenantAsync(tenant, TenantRole.Owner);
        return TypedResults.Ok(Service(http).ImportSources.Select(name => new ImportSourceResponse(name)).ToList());
    }

    private static async Task<Accepted<TransferJobResponse>> ImportAsync(string tenant, HttpContext http, ApiAccess access)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var service = Service(http);
        var actor = AuditTrail.ActorOf(await access.CallerAsync());
        var job = await TransferUpload.ReadAsync(http, service, ImportFields, (fields, fileName, file) =>
        {
            var source = fields["source"]?.Trim();
            if (string.IsNullOrEmpty(source))
            {
                throw ApiProblems.Invalid("SourceRequired", string.Join(", ", service.ImportSources));
            }

            var known = service.ImportSources.FirstOrDefault(s => string.Equals(s, source, StringComparison.OrdinalIgnoreCase))
                ?? throw ApiProblems.Invalid("SourceUnknown", source.Length > 80 ? source[..80] : source, string.Join(", ", service.ImportSources));
            var start = new TransferImportStart(known, found.Slug, fileName, actor)
            {
                DryRun = fields.Flag("dryRun", fallback: true),
                HistoryOnly = fields.Flag("historyOnly", fallback: false),
                RepositoryNames = TransferUpload.RepositoryNames(fields["repositoryNames"]),
            };
            return service.StartImportAsync(start, file, http.RequestAborted);
        });
        return Accepted(http, job);
    }

    private static async Task<Accepted<TransferJobResponse>> RestoreTenantAsync(string tenant, HttpContext http, ApiAccess access)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        return await RestoreAsync(found.Slug, http, access);
    }

    private static Task<Accepted<TransferJobResponse>> RestoreInstallationAsync(HttpContext http, ApiAccess access) => RestoreAsync(null, http, access);

    private static async Task<Accepted<TransferJobResponse>> RestoreAsync(string? tenantSlug, HttpContext http, ApiAccess access)
    {
        var service = Service(http);
        var actor = AuditTrail.ActorOf(await access.CallerAsync());
        var job = await TransferUpload.ReadAsync(http, service, RestoreFields, (fields, fileName, file) =>
            service.StartRestoreAsync(new TransferRestoreStart(tenantSlug, fileName, actor) { DryRun = fields.Flag("dryRun", fallback: true) }, file, http.RequestAborted));
        return Accepted(http, job);
    }

    private static async Task ExportTenantAsync(string tenant, HttpContext http, ApiAccess access, TimeProvider clock)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        await WriteArchiveAsync(http, found.Slug, $"ghstats-{found.Slug}-{clock.GetUtcNow():yyyyMMdd}.zip");
    }

    private static Task ExportInstallationAsync(HttpContext http, TimeProvider clock) =>
        WriteArchiveAsync(http, null, $"ghstats-installation-{clock.GetUtcNow():yyyyMMdd}.zip");

    private static async Task<Ok<List<TransferJobResponse>>> ListInstallationAsync(HttpContext http) => TypedResults.Ok(await JobsOfAsync(null, http));

    private static async Task<Ok<TransferJobResponse>> GetInstallationAsync(long id, HttpContext http) => TypedResults.Ok(await JobAsync(null, id, http));

    private static async Task<List<TransferJobResponse>> JobsOfAsync(long? tenantId, HttpContext http)
    {
        // Jobs exist only where AddTransfer() runs them: without it, say so rather than list nothing.
        Service(http);
        var jobs = await Jobs(http).ListAsync(tenantId, ListLimit, http.RequestAborted);
        return jobs.Select(j => j.ToResponse(withReport: false)).ToList();
    }

    /// <summary>A job of the tenant (or, with null, of no tenant); any other answers as missing.</summary>
    private static async Task<TransferJobResponse> JobAsync(long? tenantId, long id, HttpContext http)
    {
        Service(http); // as in JobsOfAsync
        var job = await Jobs(http).GetAsync(id, http.RequestAborted);
        return job is not null && job.TenantId == tenantId ? job.ToResponse(withReport: true) : throw new GhStatsNotFoundException("transfer", id);
    }

    private static async Task WriteArchiveAsync(HttpContext http, string? tenantSlug, string fileName)
    {
        var service = Service(http);
        var response = http.Response;
        response.ContentType = ZipContentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();

        try
        {
            await service.ExportAsync(tenantSlug, response.Body, http.RequestAborted);
        }
        catch (Exception exception) when (response.HasStarted && exception is not OperationCanceledException)
        {
            // Too late for a problem: cut the download short, so the client sees a failed transfer, not a whole zip.
            LogExportFailed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TransferEndpoints)), exception, tenantSlug ?? "(installation)");
            http.Abort();
        }
    }

    private static Accepted<TransferJobResponse> Accepted(HttpContext http, TransferJob job)
    {
        // The job lives beside the upload route: .../tenants/{tenant}/transfers/{id}, or .../transfers/{id} for admins.
        var path = http.Request.Path.Value ?? string.Empty;
        var parent = path[..(path.TrimEnd('/').LastIndexOf('/') + 1)];
        return TypedResults.Accepted($"{http.Request.PathBase}{parent}transfers/{job.Id}", job.ToResponse(withReport: false));
    }

    private static TransferJobResponse ToResponse(this TransferJob job, bool withReport) =>
        new(job.Id, WireNames.Of(job.Kind), job.Source, job.FileName, job.FileBytes, job.DryRun, job.RequestedBy, WireNames.Of(job.State),
            new TransferProgressResponse(job.Progress.Phase, job.Progress.Done, job.Progress.Total),
            job.CreatedAt, job.StartedAt, job.HeartbeatAt, job.FinishedAt, job.Error,
            withReport && job.Report is { Length: > 0 } report ? ReportOf(report) : null);

    private static JsonElement ReportOf(string report)
    {
        using var document = JsonDocument.Parse(report);
        return document.RootElement.Clone();
    }

    private static ITransferService Service(HttpContext http) =>
        http.RequestServices.GetService<ITransferService>() ?? throw NotEnabled();

    private static ITransferJobStore Jobs(HttpContext http) =>
        http.RequestServices.GetService<ITransferJobStore>() ?? throw NotEnabled();

    private static ApiProblemException NotEnabled() =>
        new(StatusCodes.Status501NotImplemented, "TransfersDisabled") { TitleKey = "TitleTransfersDisabled" };

    [LoggerMessage(Level = LogLevel.Error, Message = "The export of {Tenant} failed after its download started; the download was cut short")]
    private static partial void LogExportFailed(ILogger logger, Exception exception, string tenant);
}
