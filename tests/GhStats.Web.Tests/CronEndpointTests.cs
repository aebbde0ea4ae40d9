using GhStats.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Testing.GitHub;
using GhStats.Web.Tests.Harness;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>
/// POST /api/v1/collect: an external scheduler sends the cron secret as a Bearer token or as {"token": ...}; with no
/// secret configured every scheduler is refused and the log says how to set one; people need the Maintainer role.
/// </summary>
public sealed class CronEndpointTests(CronEndpointTests.CronApps apps) : IClassFixture<CronEndpointTests.CronApps>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WithoutASecretConfigured_ASchedulerIsRefused_AndTheLogSaysHowToSetOne(bool asBearer)
    {
        var scheduler = apps.WithoutSecret.Anonymous();

        using var response = await CallAsync(scheduler, CronApps.Secret, asBearer);

        await ShouldBeProblemAsync(response, HttpStatusCode.Forbidden);
        apps.WithoutSecret.Logs.Warnings.ShouldContain(e =>
            e.Category.EndsWith("CollectEndpoints", StringComparison.Ordinal) && e.Message.Contains("GhStats:Cron:Secret", StringComparison.Ordinal));
        apps.WithoutSecret.Logs.Entries.ShouldNotContain(e => e.Message.Contains(CronApps.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutASecretConfigured_AMaintainerMayStillCollect()
    {
        using var response = await apps.WithoutSecret.As(apps.MaintainerWithoutSecret).PostJsonAsync("api/v1/collect", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithoutCredentials_TheEndpointAnswers401()
    {
        using var response = await apps.WithSecret.Anonymous().PostJsonAsync("api/v1/collect", null);

        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AWrongSecret_Answers401_AndIsLogged(bool asBearer)
    {
        using var response = await CallAsync(apps.WithSecret.Anonymous(), "not-the-secret-but-just-as-long-as-one-0123", asBearer);

        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized);
        apps.WithSecret.Logs.Warnings.ShouldContain(e => e.Message.Contains("wrong secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AGhStatsTokenThatIsUnknown_IsNotTakenForTheSecret_AndAnswers401()
    {
        using var response = await apps.WithSecret.WithToken("ghst_" + new string('x', 43)).PostJsonAsync("api/v1/collect", null);

        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheRightSecret_StartsARun_ThatMaintainersSeeInTheLog(bool asBearer)
    {
        await apps.WaitUntilIdleAsync();

        using var response = await CallAsync(apps.WithSecret.Anonymous(), CronApps.Secret, asBearer);

        var run = await ShouldBeAcceptedAsync(response);
        run.GetProperty("trigger").GetString().ShouldBe("cron");
        run.GetProperty("requestedBy").GetString().ShouldBe("cron");
        var maintainer = apps.WithSecret.As(apps.Maintainer);
        var log = await maintainer.GetJsonAsync("api/v1/runs");
        log.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ShouldContain(run.GetProperty("id").GetInt64());
        var followed = await maintainer.GetJsonAsync(response.Headers.Location!.OriginalString.TrimStart('/'));
        followed.GetProperty("id").GetInt64().ShouldBe(run.GetProperty("id").GetInt64());
        await apps.WaitUntilIdleAsync();
    }

    [Fact]
    public async Task ASecondCallWhileARunIsActive_AnswersTheSameRun()
    {
        await apps.WaitUntilIdleAsync();

        using var first = await CallAsync(apps.WithSecret.Anonymous(), CronApps.Secret, asBearer: true);
        using var second = await CallAsync(apps.WithSecret.Anonymous(), CronApps.Secret, asBearer: false);

        var started = await ShouldBeAcceptedAsync(first);
        var answered = await ShouldBeAcceptedAsync(second);
        started.GetProperty("status").GetString().ShouldBe("running");
        answered.GetProperty("id").GetInt64().ShouldBe(started.GetProperty("id").GetInt64());
        second.Headers.Location.ShouldBe(first.Headers.Location);
        var finished = await apps.WaitUntilIdleAsync();
        finished.ShouldContain(r => r.Id == started.GetProperty("id").GetInt64() && r.Status == CollectionRunStatus.Succeeded && r.ReposOk == 1);
    }

    [Fact]
    public async Task AViewer_IsRefused_WithASessionOrAToken()
    {
        using var byToken = await apps.WithSecret.As(apps.Viewer).PostJsonAsync("api/v1/collect", null);
        var session = await apps.WithSecret.SignInAsync(apps.Viewer.Email);
        using var bySession = await session.PostJsonAsync("api/v1/collect", null);

        await ShouldBeProblemAsync(byToken, HttpStatusCode.Forbidden);
        await ShouldBeProblemAsync(bySession, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AMaintainersToken_StartsARun()
    {
        using var response = await apps.WithSecret.As(apps.Maintainer).PostJsonAsync("api/v1/collect", null);

        await ShouldBeAcceptedAsync(response);
        await apps.WaitUntilIdleAsync();
    }

    [Fact]
    public async Task AMaintainersSession_NeedsTheAntiforgeryToken()
    {
        var session = await apps.WithSecret.SignInAsync(apps.Maintainer.Email);
        using var forged = new HttpRequestMessage(HttpMethod.Post, "api/v1/collect");
        forged.Headers.Add(WebCaller.AntiforgeryHeader, "forged");

        using var withoutToken = await session.Http.PostAsync("api/v1/collect", null);
        using var withForgedToken = await session.Http.SendAsync(forged);
        using var withToken = await session.PostJsonAsync("api/v1/collect", null);

        await ShouldBeProblemAsync(withoutToken, HttpStatusCode.BadRequest);
        await ShouldBeProblemAsync(withForgedToken, HttpStatusCode.BadRequest);
        var run = await ShouldBeAcceptedAsync(withToken);
        run.GetProperty("requestedBy").GetString().ShouldBe(apps.Maintainer.Email);
        await apps.WaitUntilIdleAsync();
    }

    [Fact]
    public async Task WithWait_TheCallAnswers200WithTheEndedRun()
    {
        await apps.WaitUntilIdleAsync();

        using var response = await CallAsync(apps.WithSecret.Anonymous(), CronApps.Secret, asBearer: true, query: "?wait=60");

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var run = JsonDocument.Parse(body).RootElement;
        run.GetProperty("status").GetString().ShouldBe("succeeded");
        run.GetProperty("reposOk").GetInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData("?wait=601")]
    [InlineData("?wait=-1")]
    [InlineData("?wait=soon")]
    [InlineData("?wait=1e309")]
    [InlineData("?wait=99999999999")]
    public async Task AWaitOutsideZeroToMaxWaitOrNotANumber_Answers400_NamingTheSetting(string query)
    {
        using var response = await CallAsync(apps.WithSecret.Anonymous(), CronApps.Secret, asBearer: true, query: query);

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("from 0 to 600 (GhStats:Cron:MaxWait)");
    }

    [Fact]
    public async Task AShortSecret_FailsStartUp_NamingTheSetting()
    {
        var failure = await Should.ThrowAsync<OptionsValidationException>(() => WebApp.StartAsync(new WebAppOptions
        {
            Settings = new Dictionary<string, string?> { ["GhStats:Cron:Secret"] = "only-twenty-chars-xx" },
        }));

        failure.Message.ShouldContain("GhStats:Cron:Secret has 20 characters; use at least 32");
    }

    private static Task<HttpResponseMessage> CallAsync(WebCaller scheduler, string secret, bool asBearer, string query = "")
    {
        if (!asBearer)
        {
            return scheduler.PostJsonAsync("api/v1/collect" + query, new { token = secret });
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/collect" + query);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return scheduler.SendAsync(request);
    }

    private static async Task<JsonElement> ShouldBeAcceptedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, body);
        var run = JsonDocument.Parse(body).RootElement.Clone();
        response.Headers.Location?.OriginalString.ShouldBe($"/api/v1/runs/{run.GetProperty("id").GetInt64()}");
        return run;
    }

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32().ShouldBe((int)status);
    }

    /// <summary>
    /// Two apps: one with no cron secret, one with a secret and a repository the GitHub simulator serves slowly, so a
    /// run stays active long enough for a second trigger to find it.
    /// </summary>
    public sealed class CronApps : IAsyncLifetime
    {
        public const string Secret = "cron-secret-for-tests-0123456789-abcdefgh";

        private GitHubSimulator? _simulator;

        public WebApp WithoutSecret { get; private set; } = null!;

        public WebApp WithSecret { get; private set; } = null!;

        public SeededUser MaintainerWithoutSecret { get; private set; } = null!;

        public SeededUser Maintainer { get; private set; } = null!;

        public SeededUser Viewer { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _simulator = await GitHubSimulator.StartAsync();
            var token = _simulator.AddToken(canPushTo: "*");
            _simulator.AddRepository("cron-org", "slow", seed: 3);
            _simulator.Faults.AddLatency("cron-org/slow", TimeSpan.FromMilliseconds(150));

            WithoutSecret = await WebApp.StartAsync();
            MaintainerWithoutSecret = await WithoutSecret.CreateUserAsync("maintainer@cron.example", SystemRole.Maintainer);

            WithSecret = await WebApp.StartAsync(new WebAppOptions
            {
                Environment = "Development",
                Settings = new Dictionary<string, string?> { ["GhStats:Cron:Secret"] = Secret },
            });
            Maintainer = await WithSecret.CreateUserAsync("maintainer@cron.example", SystemRole.Maintainer);
            Viewer = await WithSecret.CreateUserAsync("viewer@cron.example");
            var tenant = await WithSecret.CreateTenantAsync("cron");
            await WithSecret.AddMemberAsync(tenant, Viewer, TenantRole.Viewer);
            var connection = await WithSecret.AddConnectionAsync(tenant, "simulator", _simulator.BaseAddress, token);
            await WithSecret.TrackAsync(tenant, "cron-org", "slow", connection.Id);
        }

        /// <summary>Waits until the latest run of the app with a secret has ended, in its record and in the collector, and returns the latest runs.</summary>
        public async Task<IReadOnlyList<CollectionRun>> WaitUntilIdleAsync()
        {
            var runs = WithSecret.Get<GhStats.Stores.ICollectionRunStore>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            foreach (var run in await runs.ListRunningAsync(timeout.Token))
            {
                await WithSecret.Get<ICollectionService>().WaitAsync(run.Id, timeout.Token);
            }

            return await runs.ListAsync(10, timeout.Token);
        }

        public async Task DisposeAsync()
        {
            if (WithSecret is not null)
            {
                await WithSecret.DisposeAsync();
            }

            if (WithoutSecret is not null)
            {
                await WithoutSecret.DisposeAsync();
            }

            if (_simulator is not null)
            {
                await _simulator.DisposeAsync();
            }
        }
    }
}
