using GhStats.Stores;
using GhStats.Web.Tests.Harness;

namespace GhStats.Web.Tests.RoleMatrix;

/// <summary>Every route of JSON API v1, as a request naming a resource of tenant A or B, valid in everything but the caller's rights.</summary>
public static class MatrixRoutes
{
    private delegate Task<HttpRequestMessage> RequestFactory(MatrixWorld world, MatrixCaller caller, MatrixScope scope);

    private static readonly Dictionary<string, RequestFactory> Requests = new()
    {
        ["GET /me"] = (_, _, _) => Get("api/v1/me"),
        ["GET /me/tokens"] = (_, _, _) => Get("api/v1/me/tokens"),
        ["PUT /me/language"] = (_, _, _) => Send(HttpMethod.Put, "api/v1/me/language", new { language = "de" }),
        ["POST /me/tokens"] = (_, _, _) => Send(HttpMethod.Post, "api/v1/me/tokens", new { name = "matrix", expiresInDays = 1 }),
        ["DELETE /me/tokens/{id}"] = async (world, caller, scope) =>
        {
            // A: a token of the caller's own; B: another person's.
            var owner = scope == MatrixScope.TenantA ? world.UserOf(caller) : world.Bystander;
            var id = owner is null ? 1 : (await world.App.Administration.CreateApiTokenAsync(owner.Id, "scratch", 1)).Token.Id;
            return new HttpRequestMessage(HttpMethod.Delete, $"api/v1/me/tokens/{id}");
        },

        ["GET /tenants"] = (_, _, _) => Get("api/v1/tenants"),
        ["POST /tenants"] = (world, _, _) => Send(HttpMethod.Post, "api/v1/tenants", new { slug = $"scratch-tenant-{world.Next()}", name = "Scratch" }),
        ["GET /tenants/{tenant}"] = (world, _, scope) => Get($"api/v1/tenants/{world.TenantIn(scope).Slug}"),
        ["PUT /tenants/{tenant}"] = (world, _, scope) =>
            Send(HttpMethod.Put, $"api/v1/tenants/{world.TenantIn(scope).Slug}", new { name = world.TenantIn(scope).Name }),
        ["DELETE /tenants/{tenant}"] = async (world, caller, scope) =>
            new HttpRequestMessage(HttpMethod.Delete, $"api/v1/tenants/{(await world.MirrorTenantAsync(caller, scope)).Slug}"),

        ["GET /tenants/{tenant}/members"] = (world, _, scope) => Get($"api/v1/tenants/{world.TenantIn(scope).Slug}/members"),
        ["PUT /tenants/{tenant}/members/{email}"] = (world, _, scope) =>
            Send(HttpMethod.Put, $"api/v1/tenants/{world.TenantIn(scope).Slug}/members/invitee-{world.Next()}@matrix.example", new { role = "viewer" }),
        ["DELETE /tenants/{tenant}/members/{email}"] = async (world, _, scope) =>
        {
            var tenant = world.TenantIn(scope);
            var email = $"leaving-{world.Next()}@matrix.example";
            await world.App.Get<IMembershipStore>().InviteAsync(tenant.Id, email, Domain.TenantRole.Viewer);
            return new HttpRequestMessage(HttpMethod.Delete, $"api/v1/tenants/{tenant.Slug}/members/{email}");
        },

        ["GET /tenants/{tenant}/connections"] = (world, _, scope) => Get($"api/v1/tenants/{world.TenantIn(scope).Slug}/connections"),
        ["POST /tenants/{tenant}/connections"] = (world, _, scope) =>
            Send(HttpMethod.Post, $"api/v1/tenants/{world.TenantIn(scope).Slug}/connections", new
            {
                name = $"{ConnectionMarker(scope)}-{world.Next()}",
                kind = "pat",
                apiBaseUrl = world.Simulator.BaseAddress,
                token = "ghp_matrixPostedToken",
            }),
        ["DELETE /tenants/{tenant}/connections/{id}"] = async (world, _, scope) =>
        {
            var tenant = world.TenantIn(scope);
            var connection = await world.App.AddConnectionAsync(tenant, $"{ConnectionMarker(scope)}-s{world.Next()}", world.Simulator.BaseAddress, "ghp_matrixScratch");
            return new HttpRequestMessage(HttpMethod.Delete, $"api/v1/tenants/{tenant.Slug}/connections/{connection.Id}");
        },

        ["POST /tenants/{tenant}/connections/{id}/test"] = (world, _, scope) =>
            Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"api/v1/tenants/{world.TenantIn(scope).Slug}/connections/{world.ConnectionIn(scope).Id}/test")),
        ["GET /tenants/{tenant}/collection-plan"] = (world, _, scope) => Get($"api/v1/tenants/{world.TenantIn(scope).Slug}/collection-plan"),

        ["GET /tenants/{tenant}/owners"] = (world, _, scope) => Get($"api/v1/tenants/{world.TenantIn(scope).Slug}/owners"),
        ["POST /tenants/{tenant}/owners"] = (world, _, scope) =>
            Send(HttpMethod.Post, $"api/v1/tenants/{world.TenantIn(scope).Slug}/owners", new { owner = $"matrix-owner-{world.Next()}", include = "api-*" }),
        ["DELETE /tenants/{tenant}/owners/{id}"] = async (world, _, scope) =>
        {
            var tenant = world.TenantIn(scope);
            var owner = await world.App.Get<ITrackedOwnerStore>().AddAsync(new Domain.NewTrackedOwner(tenant.Id, $"scratch-owner-{world.Next()}"));
            return new HttpRequestMessage(HttpMethod.Delete, $"api/v1/tenants/{tenant.Slug}/owners/{owner.Id}");
        },

        ["GET /tenants/{tenant}/channels"] = (world, _, scope) => Get($"api/v1/tenants/{world.TenantIn(scope).Slug}/channels"),
        ["POST /tenants/{tenant}/channels"] = (world, _, scope) =>
            Send(HttpMethod.Post, $"api/v1/tenants/{world.TenantIn(scope).Slug}/channels", new
            {
                name = $"{(scope == MatrixScope.TenantA ? TenantMarkers.AChannel : TenantMarkers.BChannel)}-{world.Next()}",
                kind = "webhook",
                topics = new[] { "digest" },
                url = "https://hooks.matrix.example/posted",
            }),
        ["DELETE /tenants/{tenant}/channels/{id}"] = async (world, _, scope) =>
            new HttpRequestMessage(HttpMethod.Delete, $"api/v1/tenants/{world.TenantIn(scope).Slug}/channels/{(await world.ScratchChannelAsync(scope)).Id}"),
        ["POST /tenants/{tenant}/channels/{id}/test"] = (world, _, scope) =>
            Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"api/v1/tenants/{world.TenantIn(scope).Slug}/channels/{world.ChannelIn(scope).Id}/test")),
        ["GET /tenants/{tenant}/channels/{id}/deliveries"] = (world, _, scope) =>
            Get($"api/v1/tenants/{world.TenantIn(scope).Slug}/channels/{world.ChannelIn(scope).Id}/deliveries"),
        ["GET /tenants/{tenant}/deliveries"] = (world, _, scope) => Get($"api/v1/tenants/{world.TenantIn(scope).Slug}/deliveries"),
        ["GET /me/subscriptions"] = (_, _, _) => Get("api/v1/me/subscriptions"),
        ["PUT /me/subscriptions/{tenant}"] = (world, _, scope) =>
            Send(HttpMethod.Put, $"api/v1/me/subscriptions/{world.TenantIn(scope).Slug}", new { topics = new[] { "digest" } }),

        ["GET /repos"] = (_, _, _) => Get("api/v1/repos"),
        ["GET /repos?tenant="] = (world, _, scope) => Get($"api/v1/repos?tenant={world.TenantIn(scope).Slug}"),
        ["POST /repos"] = (world, _, scope) => Send(HttpMethod.Post, "api/v1/repos", new
        {
            tenant = world.TenantIn(scope).Slug,
            fullName = $"{(scope == MatrixScope.TenantA ? TenantMarkers.AHiddenOwner : TenantMarkers.BOwner)}/new-{world.Next()}",
        }),
        ["GET /repos/{id}"] = (world, _, scope) => Get($"api/v1/repos/{world.RepositoryIn(scope).Id}"),
        ["DELETE /repos/{id}"] = async (world, caller, scope) =>
            new HttpRequestMessage(HttpMethod.Delete, $"api/v1/repos/{(await world.ScratchRepositoryAsync(caller, scope)).Id}"),
        ["PUT /repos/{id}/badges"] = async (world, caller, scope) =>
            WebCaller.WithJson(HttpMethod.Put, $"api/v1/repos/{(await world.ScratchRepositoryAsync(caller, scope)).Id}/badges", new { enabled = true }),
        ["GET /repos/{id}/traffic"] = (world, _, scope) => Get($"api/v1/repos/{world.RepositoryIn(scope).Id}/traffic"),
        ["GET /repos/{id}/referrers"] = (world, _, scope) => Get($"api/v1/repos/{world.RepositoryIn(scope).Id}/referrers"),
        ["GET /repos/{id}/paths"] = (world, _, scope) => Get($"api/v1/repos/{world.RepositoryIn(scope).Id}/paths"),
        ["GET /repos/{id}/stats"] = (world, _, scope) => Get($"api/v1/repos/{world.RepositoryIn(scope).Id}/stats"),
        ["GET /repos/{id}/star-history"] = (world, _, scope) => Get($"api/v1/repos/{world.RepositoryIn(scope).Id}/star-history"),
        ["GET /repos/{id}/releases"] = (world, _, scope) => Get($"api/v1/repos/{world.RepositoryIn(scope).Id}/releases"),
        ["GET /repos/{id}/downloads"] = (world, _, scope) => Get($"api/v1/repos/{world.RepositoryIn(scope).Id}/downloads"),
        ["GET /repos/{id}/downloads.csv"] = (world, _, scope) => Get($"api/v1/repos/{world.RepositoryIn(scope).Id}/downloads.csv"),
        ["GET /repos/{id}/annotations"] = (world, _, scope) => Get($"api/v1/repos/{world.RepositoryIn(scope).Id}/annotations"),
        ["GET /repos/{id}/annotations.csv"] = (world, _, scope) => Get($"api/v1/repos/{world.RepositoryIn(scope).Id}/annotations.csv"),
        ["POST /repos/{id}/annotations"] = (world, _, scope) =>
            Send(HttpMethod.Post, $"api/v1/repos/{world.RepositoryIn(scope).Id}/annotations", new { date = "2024-01-02", text = "matrix note" }),
        ["GET /tenants/{tenant}/annotations"] = (world, _, scope) => Get($"api/v1/tenants/{world.TenantIn(scope).Slug}/annotations"),
        ["POST /tenants/{tenant}/annotations"] = (world, _, scope) =>
            Send(HttpMethod.Post, $"api/v1/tenants/{world.TenantIn(scope).Slug}/annotations", new { date = "2024-01-02", text = "matrix tenant note" }),
        ["DELETE /tenants/{tenant}/annotations/{id}"] = async (world, _, scope) =>
        {
            var tenant = world.TenantIn(scope);
            var note = await world.App.Get<IAnnotationStore>().AddAsync(new Domain.NewAnnotation(tenant.Id, null, new DateOnly(2024, 1, 2), "scratch note", null, "matrix"));
            return new HttpRequestMessage(HttpMethod.Delete, $"api/v1/tenants/{tenant.Slug}/annotations/{note.Id}");
        },
        ["GET /horizon"] = (_, _, _) => Get("api/v1/horizon"),
        ["GET /tenants/{tenant}/dashboards"] = (world, _, scope) => Get($"api/v1/tenants/{world.TenantIn(scope).Slug}/dashboards"),
        ["POST /tenants/{tenant}/dashboards"] = (world, _, scope) =>
            Send(HttpMethod.Post, $"api/v1/tenants/{world.TenantIn(scope).Slug}/dashboards", new { title = "Matrix board", repositoryIds = new[] { world.RepositoryIn(scope).Id } }),
        ["GET /tenants/{tenant}/dashboards/{id}"] = async (world, _, scope) =>
            new HttpRequestMessage(HttpMethod.Get, await ScratchDashboardAsync(world, scope, string.Empty)),
        ["PUT /tenants/{tenant}/dashboards/{id}"] = async (world, _, scope) =>
            WebCaller.WithJson(HttpMethod.Put, await ScratchDashboardAsync(world, scope, string.Empty), new { title = "Renamed board", repositoryIds = new[] { world.RepositoryIn(scope).Id } }),
        ["PUT /tenants/{tenant}/dashboards/{id}/published"] = async (world, _, scope) =>
            WebCaller.WithJson(HttpMethod.Put, await ScratchDashboardAsync(world, scope, "/published"), new { published = false }),
        ["DELETE /tenants/{tenant}/dashboards/{id}"] = async (world, _, scope) =>
            new HttpRequestMessage(HttpMethod.Delete, await ScratchDashboardAsync(world, scope, string.Empty)),
        ["GET /traffic/summary"] = (_, _, _) => Get("api/v1/traffic/summary"),
        ["GET /traffic/summary?tenant="] = (world, _, scope) => Get($"api/v1/traffic/summary?tenant={world.TenantIn(scope).Slug}"),
        ["GET /traffic/compare"] = (world, _, scope) => Get($"api/v1/traffic/compare?tenant={world.TenantIn(scope).Slug}&repos={world.RepositoryIn(scope).Id}"),
        ["GET /traffic/tenant"] = (world, _, scope) => Get($"api/v1/traffic/tenant?tenant={world.TenantIn(scope).Slug}"),

        ["GET /repos/{id}/traffic.csv"] = (world, _, scope) => Get($"api/v1/repos/{world.RepositoryIn(scope).Id}/traffic.csv"),
        ["GET /repos/{id}/referrers.csv"] = (world, _, scope) => Get($"api/v1/repos/{world.RepositoryIn(scope).Id}/referrers.csv"),
        ["GET /repos/{id}/paths.csv"] = (world, _, scope) => Get($"api/v1/repos/{world.RepositoryIn(scope).Id}/paths.csv"),
        ["GET /traffic.csv"] = (_, _, _) => Get("api/v1/traffic.csv"),
        ["GET /traffic.csv?tenant="] = (world, _, scope) => Get($"api/v1/traffic.csv?tenant={world.TenantIn(scope).Slug}"),

        ["POST /collect"] = (_, _, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "api/v1/collect")),
        ["GET /runs"] = (_, _, _) => Get("api/v1/runs"),
        ["GET /runs/{id}"] = (world, _, _) => Get($"api/v1/runs/{world.RunId}"),

        ["GET /tenants/{tenant}/transfers"] = (world, _, scope) => Get($"api/v1/tenants/{world.TenantIn(scope).Slug}/transfers"),
        ["GET /tenants/{tenant}/transfers/{id}"] = (world, _, scope) => Get($"api/v1/tenants/{world.TenantIn(scope).Slug}/transfers/{world.TransferIn(scope).Id}"),
        ["GET /tenants/{tenant}/import-sources"] = (world, _, scope) => Get($"api/v1/tenants/{world.TenantIn(scope).Slug}/import-sources"),
        ["POST /tenants/{tenant}/imports"] = (world, _, scope) => Task.FromResult(Transfers.TransferForm.Post(
            $"api/v1/tenants/{world.TenantIn(scope).Slug}/imports", "repostats.csv", Transfers.TransferForm.Ibm("repostats.csv"), ("source", "ibm-csv"))),
        ["POST /tenants/{tenant}/restore"] = (world, _, scope) => Task.FromResult(Transfers.TransferForm.Post(
            $"api/v1/tenants/{world.TenantIn(scope).Slug}/restore", "archive.zip", world.ArchiveIn(scope))),
        ["GET /tenants/{tenant}/export"] = (world, _, scope) => Get($"api/v1/tenants/{world.TenantIn(scope).Slug}/export"),
        ["GET /export"] = (_, _, _) => Get("api/v1/export"),
        ["POST /restore"] = (world, _, _) => Task.FromResult(Transfers.TransferForm.Post("api/v1/restore", "installation.zip", world.InstallationArchive)),
        ["GET /transfers"] = (_, _, _) => Get("api/v1/transfers"),
        ["GET /transfers/{id}"] = (world, _, _) => Get($"api/v1/transfers/{world.InstallationTransfer.Id}"),

        ["GET /audit"] = (_, _, _) => Get("api/v1/audit"),
        ["GET /audit.csv"] = (_, _, _) => Get("api/v1/audit.csv"),
        ["GET /tenants/{tenant}/audit"] = (world, _, scope) => Get($"api/v1/tenants/{world.TenantIn(scope).Slug}/audit"),
        ["GET /tenants/{tenant}/audit.csv"] = (world, _, scope) => Get($"api/v1/tenants/{world.TenantIn(scope).Slug}/audit.csv"),
    };

    public static IReadOnlyCollection<string> Names => Requests.Keys;

    public static Task<HttpRequestMessage> BuildAsync(string route, MatrixWorld world, MatrixCaller caller, MatrixScope scope) =>
        Requests[route](world, caller, scope);

    /// <summary>A fresh dashboard of the scope's tenant, for the routes that read, change or delete one.</summary>
    private static async Task<string> ScratchDashboardAsync(MatrixWorld world, MatrixScope scope, string rest)
    {
        var tenant = world.TenantIn(scope);
        var dashboard = await world.App.Get<IPublicDashboardStore>().CreateAsync(
            tenant.Id, Web.Dashboards.DashboardSlugs.New(), new Domain.PublicDashboardSettings("Scratch board", [world.RepositoryIn(scope).Id]));
        return $"api/v1/tenants/{tenant.Slug}/dashboards/{dashboard.Id}{rest}";
    }

    private static string ConnectionMarker(MatrixScope scope) => scope == MatrixScope.TenantA ? TenantMarkers.AConnection : TenantMarkers.BConnection;

    private static Task<HttpRequestMessage> Get(string path) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, path));

    private static Task<HttpRequestMessage> Send(HttpMethod method, string path, object body) => Task.FromResult(WebCaller.WithJson(method, path, body));
}
