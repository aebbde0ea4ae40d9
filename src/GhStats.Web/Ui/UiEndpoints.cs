using GhStats.Domain;
using GhStats.Web.Ui.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GhStats.Web.Ui;

/// <summary>
/// The pages: server-rendered frames whose scripts read and change data through JSON API v1, so the pages can do
/// nothing the API would refuse. Each page still checks the caller's role itself and answers 403 or 404 as a page.
/// </summary>
internal static class UiEndpoints
{
    public static void Map(IEndpointRouteBuilder module)
    {
        module.MapGet("/assets/{**file}", (HttpContext context, UiAssets assets, string? file) => assets.Serve(context, file ?? string.Empty))
            .ExcludeFromDescription();

        var pages = module.MapGroup(string.Empty)
            .ExcludeFromDescription()
            .RequireAuthorization(GhStatsPolicies.User)
            .AddEndpointFilter<UiPageHeaders>();
        pages.MapGet("/", (UiPages ui) => ui.RenderAsync<OverviewPage>("Overview", async page =>
        {
            page.Tenants = await ui.Access.VisibleTenantsAsync();
            return null;
        }));
        pages.MapGet("/repos/{id:long}", (UiPages ui, long id) => ui.RenderAsync<RepositoryPage>("Repository", async page =>
        {
            page.Repository = await ui.Access.RepositoryAsync(id);
            page.Title = page.Repository.FullName;
            page.TitleIsData = true;
            page.CanManage = page.Frame.Caller.Has(page.Repository.TenantId, TenantRole.Owner);
            return null;
        }));
        pages.MapGet("/compare", (UiPages ui, string? tenant, string? repos) => ui.RenderAsync<ComparePage>("CompareRepositories", async page =>
        {
            page.Tenants = await ui.Access.VisibleTenantsAsync();
            if (!string.IsNullOrWhiteSpace(tenant))
            {
                // A shared link naming a repository the caller may not read is "not found", as a missing one is.
                page.Tenant = await ui.Access.VisibleTenantAsync(tenant.Trim());
                await GhStats.Web.Compare.CompareSelection.RepositoriesAsync(ui.Access, page.Tenant, GhStats.Web.Compare.CompareSelection.Listed(repos));
            }

            return null;
        }));
        pages.MapGet("/tenant-traffic", (UiPages ui, string? tenant) => ui.RenderAsync<TenantTrafficPage>("TenantTraffic", async page =>
        {
            page.Tenants = await ui.Access.VisibleTenantsAsync();
            page.Tenant = !string.IsNullOrWhiteSpace(tenant) ? await ui.Access.VisibleTenantAsync(tenant.Trim()) : page.Tenants.Count > 0 ? page.Tenants[0] : null;
            return null;
        }));
        pages.MapGet("/manage/repositories", (UiPages ui, string? tenant) => ui.RenderAsync<RepositoriesPage>("Repositories", async page =>
        {
            page.Tenants = await ui.ManagedTenantsAsync();
            if (page.Tenants.Count == 0)
            {
                return ui.Forbidden("OnlyOwnersManageRepositories");
            }

            page.Tenant = page.Tenants.FirstOrDefault(t => string.Equals(t.Slug, tenant, StringComparison.OrdinalIgnoreCase)) ?? page.Tenants[0];
            return null;
        }));
        pages.MapGet("/manage/tenants", (UiPages ui) => ui.RenderAsync<TenantsPage>("Tenants", async page =>
        {
            page.Tenants = await ui.ManagedTenantsAsync();
            return page.Tenants.Count == 0 && !page.Frame.Caller.IsAdmin
                ? ui.Forbidden("OnlyOwnersManageTenants")
                : null;
        }));
        pages.MapGet("/manage/tenants/{slug}", (UiPages ui, string slug) => ui.RenderAsync<TenantPage>("Tenant", async page =>
        {
            page.Tenant = await ui.Access.TenantAsync(slug, TenantRole.Owner);
            page.Title = page.Tenant.Name;
            page.TitleIsData = true;
            return null;
        }));
        pages.MapGet("/manage/tenants/{slug}/transfer", (UiPages ui, IServiceProvider services, string slug) => ui.RenderAsync<TransferPage>("ImportAndExport", async page =>
        {
            page.Tenant = await ui.Access.TenantAsync(slug, TenantRole.Owner);
            page.Title = ui.Text["ImportAndExportOf", page.Tenant.Name];
            // The transfer package is optional: without AddTransfer() the page says so instead of offering forms that fail.
            page.Transfer = services.GetService<ITransferService>();
            return null;
        }));
        pages.MapGet("/runs", (UiPages ui) => ui.RenderAsync<RunsPage>("Collection", page => Task.FromResult(
            page.Frame.Navigation.SeesCollectionLog ? null : ui.Forbidden("OnlyMaintainersSeeCollection"))));
        pages.MapGet("/audit", (UiPages ui, string? tenant) => ui.RenderAsync<AuditPage>("AuditLog", async page =>
        {
            // Admins read the whole installation's log or one tenant's; owners only their tenants'.
            // A named tenant is checked first, so a tenant the caller cannot see answers 404 as the tenant page does.
            if (!string.IsNullOrWhiteSpace(tenant))
            {
                page.Tenant = await ui.Access.TenantAsync(tenant.Trim(), TenantRole.Owner);
            }

            page.Tenants = await ui.ManagedTenantsAsync();
            if (page.Tenants.Count == 0 && !page.Frame.Caller.IsAdmin)
            {
                return ui.Forbidden("OnlyOwnersSeeAuditLog");
            }

            if (page.Tenant is null && !page.Frame.Caller.IsAdmin)
            {
                page.Tenant = page.Tenants[0];
            }

            page.Title = page.Tenant is null ? ui.Text["AuditLog"] : ui.Text["AuditLogOf", page.Tenant.Name];
            return null;
        }));
        pages.MapGet("/profile", (UiPages ui) => ui.RenderAsync<ProfilePage>("Profile"));
    }
}
