using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GhStats.Testing.GitHub;
using Shouldly;
using Xunit;

namespace GhStats.Host.Tests;

/// <summary>Two real host processes on one PostgreSQL database: what one replica does, the other honours.</summary>
public sealed class ScaleOutTests(ScaleOutCluster cluster) : IClassFixture<ScaleOutCluster>
{
    [Fact]
    public async Task BothHosts_StartedTogetherOnAnEmptyDatabase_AreReady()
    {
        foreach (var host in new[] { cluster.First, cluster.Second })
        {
            using var client = HostSession.Anonymous(host.Address);
            using var ready = await client.GetAsync("readyz");
            ready.StatusCode.ShouldBe(HttpStatusCode.OK, cluster.Output);
        }
    }

    [Fact]
    public async Task SessionCookie_FromSigningInOnOneHost_IsHonouredByTheOther()
    {
        using var onFirst = HostSession.Anonymous(cluster.First.Address);
        var signedIn = await onFirst.SignInAsync(ScaleOutCluster.AdminEmail);

        using var onSecond = onFirst.OnHost(cluster.Second.Address);
        var me = await onSecond.MeAsync();

        me.Id.ShouldBe(signedIn.Id);
        me.Email.ShouldBe(ScaleOutCluster.AdminEmail);
        me.SystemRoles.ShouldContain("admin");
        me.DevelopmentSignIn.ShouldBeTrue();
    }

    [Fact]
    public async Task SessionCookie_Unsigned_IsRefusedByTheOtherHost()
    {
        // The control for the test above: host 2 does not take just any cookie of that name.
        using var forged = HostSession.Anonymous(cluster.Second.Address);
        forged.Cookies.Add(cluster.Second.Address, new Cookie(HostSession.SessionCookieName, "CfDJ8" + new string('A', 200), "/"));

        using var answer = await forged.GetAsync("api/v1/me");

        answer.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AntiforgeryToken_FromOneHost_IsAcceptedByTheOther()
    {
        // A browser may load the page from one replica and post the change to another.
        using var onFirst = HostSession.Anonymous(cluster.First.Address);
        await onFirst.SignInAsync(ScaleOutCluster.AdminEmail);
        onFirst.AntiforgeryToken.ShouldNotBeNull();

        using var onSecond = onFirst.OnHost(cluster.Second.Address);
        var created = await onSecond.PostAsync<ApiWire.CreatedToken>("api/v1/me/tokens", new { name = "made on host 2" }, HttpStatusCode.Created);

        using var withToken = HostSession.WithToken(cluster.First.Address, created.Token);
        (await withToken.MeAsync()).Email.ShouldBe(ScaleOutCluster.AdminEmail);
    }

    [Fact]
    public async Task ConnectionSecret_AddedThroughOneHost_IsUsedByTheOthersCollection()
    {
        var gitHubToken = cluster.GitHub.AddToken(canPushTo: "secrets-org/*");
        var repository = cluster.GitHub.AddRepository("secrets-org", "site", seed: 41);
        var adminToken = await cluster.AdminTokenAsync();
        using var first = HostSession.WithToken(cluster.First.Address, adminToken);
        using var second = HostSession.WithToken(cluster.Second.Address, adminToken);

        await first.PostAsync<ApiWire.Tenant>("api/v1/tenants", new { slug = "secrets", name = "Secrets" }, HttpStatusCode.Created);
        var connection = await first.PostAsync<ApiWire.Connection>(
            "api/v1/tenants/secrets/connections", new { kind = "pat", apiBaseUrl = cluster.GitHub.BaseAddress, token = gitHubToken }, HttpStatusCode.Created);
        var tracked = await first.PostAsync<ApiWire.Repository>("api/v1/repos", new { tenant = "secrets", fullName = repository.FullName }, HttpStatusCode.Created);

        await cluster.WaitUntilNoCollectionAsync();
        var started = await second.PostAsync<ApiWire.Run>("api/v1/collect", new { tenant = "secrets" }, HttpStatusCode.Accepted);
        var run = await second.WaitForRunAsync(started.Id);

        run.Status.ShouldBe("succeeded", $"{await second.TextAsync($"api/v1/runs/{run.Id}")}\n{cluster.Output}");
        run.ReposOk.ShouldBe(1);
        cluster.GitHub.Stats.RequestsFor(gitHubToken).ShouldBeGreaterThan(0);
        var now = cluster.GitHub.Clock.GetUtcNow();
        var served = repository.ServedDays(now);
        var traffic = await second.GetAsync<ApiWire.Traffic>(
            $"api/v1/repos/{tracked.Id}/traffic?per=day&from={served.Min(d => d.Start):yyyy-MM-dd}&to={served.Max(d => d.Start):yyyy-MM-dd}");
        traffic.Totals.Views.ShouldBe(served.Sum(d => d.Views));
        traffic.Totals.Clones.ShouldBe(served.Sum(d => d.Clones));

        // GitHub leaves days without views or clones out of its answer; the read proves them zero, so every served day is
        // known, and the window's newest and oldest days are partial.
        (traffic.Totals.Days, traffic.Totals.KnownDays, traffic.Totals.PartialDays, traffic.Totals.DaysWithData).ShouldBe((served.Count, served.Count, 2, served.Count));

        // Secrets go in, never out, on either host.
        using var connections = await second.GetAsync("api/v1/tenants/secrets/connections");
        var listed = await connections.Content.ReadAsStringAsync();
        listed.ShouldContain($"\"id\":{connection.Id}");
        listed.ShouldNotContain(gitHubToken);
    }

    [Fact]
    public async Task CronCalls_ToBothHostsAtOnce_StartOneRun()
    {
        var gitHubToken = cluster.GitHub.AddToken(canPushTo: "cron-org/*");
        foreach (var (name, seed) in new[] { ("api", 1), ("docs", 2), ("web", 3) })
        {
            var repository = cluster.GitHub.AddRepository("cron-org", name, seed);

            // Slow answers keep a run going well past the moment both calls arrive, also in the rounds after the first,
            // which read only views and clones (2 calls a repository; 250 ms each let a loaded machine's second call
            // arrive after the first's run had finished, and start a run of its own).
            cluster.GitHub.Faults.AddLatency(repository.FullName, TimeSpan.FromSeconds(1));
        }

        var adminToken = await cluster.AdminTokenAsync();
        using var admin = HostSession.WithToken(cluster.First.Address, adminToken);
        await admin.PostAsync<ApiWire.Tenant>("api/v1/tenants", new { slug = "cron", name = "Cron" }, HttpStatusCode.Created);
        await admin.PostAsync<ApiWire.Connection>(
            "api/v1/tenants/cron/connections", new { kind = "pat", apiBaseUrl = cluster.GitHub.BaseAddress, token = gitHubToken }, HttpStatusCode.Created);
        foreach (var name in new[] { "api", "docs", "web" })
        {
            await admin.PostAsync<ApiWire.Repository>("api/v1/repos", new { tenant = "cron", fullName = $"cron-org/{name}" }, HttpStatusCode.Created);
        }

        var before = (await admin.GetAsync<ApiWire.Run[]>("api/v1/runs?limit=200")).Select(r => r.Id).ToHashSet();
        var started = new List<long>();
        using var cron = new HttpClient();
        for (var round = 0; round < 3; round++)
        {
            await cluster.WaitUntilNoCollectionAsync();
            var answers = await Task.WhenAll(CronAsync(cron, cluster.First), CronAsync(cron, cluster.Second));

            answers[0].Id.ShouldBe(answers[1].Id, $"Round {round} started two runs.\n{cluster.Output}");
            answers.ShouldAllBe(a => a.Trigger == "cron");
            var finished = await admin.WaitForRunAsync(answers[0].Id);
            finished.Status.ShouldBe("succeeded", cluster.Output);
            finished.ReposOk.ShouldBe(3);
            started.Add(answers[0].Id);
        }

        var after = await admin.GetAsync<ApiWire.Run[]>("api/v1/runs?limit=200");
        after.Select(r => r.Id).Where(id => !before.Contains(id)).Order().ShouldBe(started.Order());
    }

    private static async Task<ApiWire.Run> CronAsync(HttpClient client, HostProcess host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Address, "api/v1/collect"))
        {
            Content = JsonContent.Create(new { tenant = "cron" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ScaleOutCluster.CronSecret);
        using var answer = await client.SendAsync(request);
        return await HostSession.ReadAsync<ApiWire.Run>(answer, HttpStatusCode.Accepted);
    }
}
