using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GhStats.Testing.GitHub;
using GhStats.Testing.Postgres;
using Shouldly;
using Xunit;

namespace GhStats.Host.Tests;

/// <summary>
/// The collector without the web module, on one PostgreSQL database: a web replica that queues collection requests
/// (GhStats:Cron:QueueForWorker) beside a worker process (<c>GhStats.Host worker</c>) that runs them, and the one-shot
/// <c>collect</c> command that runs one collection and exits by its outcome.
/// </summary>
public sealed class WorkerTests(WorkerTests.Deployment deployment) : IClassFixture<WorkerTests.Deployment>
{
    [Fact]
    public async Task CronCall_ToTheWebReplica_IsCollectedByTheWorker_AndServedByTheWeb()
    {
        var (token, repository, tracked) = await deployment.TrackAsync("queued", "queued-org", "site", canPush: true);
        var worker = await deployment.WorkerAsync();

        using var cron = new HttpClient { Timeout = TimeSpan.FromSeconds(90) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(deployment.Web.Address, "api/v1/collect?wait=60"))
        {
            Content = JsonContent.Create(new { tenant = "queued" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Deployment.CronSecret);
        using var answer = await cron.SendAsync(request);
        var run = await HostSession.ReadAsync<ApiWire.Run>(answer, HttpStatusCode.OK);

        run.Status.ShouldBe("succeeded", deployment.Output);
        run.ReposOk.ShouldBe(1);
        worker.Output.ShouldContain($"Started queued collection run {run.Id}");
        deployment.GitHub.Stats.RequestsFor(token).ShouldBeGreaterThan(0);

        // The web replica serves what the worker stored.
        using var admin = HostSession.WithToken(deployment.Web.Address, await deployment.AdminTokenAsync());
        var served = repository.ServedDays(deployment.GitHub.Clock.GetUtcNow());
        var traffic = await admin.GetAsync<ApiWire.Traffic>(
            $"api/v1/repos/{tracked.Id}/traffic?per=day&from={served.Min(d => d.Start):yyyy-MM-dd}&to={served.Max(d => d.Start):yyyy-MM-dd}");
        traffic.Totals.Views.ShouldBe(served.Sum(d => d.Views));
        traffic.Totals.Clones.ShouldBe(served.Sum(d => d.Clones));
    }

    [Fact]
    public async Task CronCall_WithoutWait_AnswersQueued_AndTheRunEndsOnTheWorker()
    {
        await deployment.TrackAsync("later", "later-org", "api", canPush: true);
        await deployment.WorkerAsync();
        using var admin = HostSession.WithToken(deployment.Web.Address, await deployment.AdminTokenAsync());
        await deployment.WaitUntilNoRunGoingAsync(admin);

        var queued = await admin.PostAsync<ApiWire.Run>("api/v1/collect", new { tenant = "later" }, HttpStatusCode.Accepted);

        queued.Status.ShouldBe("queued");
        var finished = await admin.WaitForRunAsync(queued.Id);
        finished.Status.ShouldBe("succeeded", deployment.Output);
    }

    [Fact]
    public async Task CollectCommand_RunsOneCollection_PrintsProgress_AndExits0()
    {
        var (_, repository, tracked) = await deployment.TrackAsync("once", "once-org", "tool", canPush: true);
        using var admin = HostSession.WithToken(deployment.Web.Address, await deployment.AdminTokenAsync());
        await deployment.WaitUntilNoRunGoingAsync(admin);

        var (exitCode, output, error) = await HostProcess.RunCommandAsync(["collect", "--tenant", "once"], deployment.Environment);

        exitCode.ShouldBe(0, output + error);
        output.ShouldMatch(@"Run \d+ started\.");
        output.ShouldMatch(@"Run \d+ succeeded: 1 of 1 repositories collected, 0 failed, \d+ API calls\.");
        var served = repository.ServedDays(deployment.GitHub.Clock.GetUtcNow());
        var traffic = await admin.GetAsync<ApiWire.Traffic>(
            $"api/v1/repos/{tracked.Id}/traffic?per=day&from={served.Min(d => d.Start):yyyy-MM-dd}&to={served.Max(d => d.Start):yyyy-MM-dd}");
        traffic.Totals.Views.ShouldBe(served.Sum(d => d.Views));
    }

    [Fact]
    public async Task CollectCommand_WhenARepositoryFails_Exits1_AndSaysWhy()
    {
        await deployment.TrackAsync("refused", "refused-org", "private", canPush: false);
        using var admin = HostSession.WithToken(deployment.Web.Address, await deployment.AdminTokenAsync());
        await deployment.WaitUntilNoRunGoingAsync(admin);

        var (exitCode, output, error) = await HostProcess.RunCommandAsync(["collect", "--tenant", "refused"], deployment.Environment);

        exitCode.ShouldBe(1, output + error);
        output.ShouldMatch(@"Run \d+ completed with errors: 0 of 1 repositories collected, 1 failed");
        error.ShouldContain("NoPushAccess");
    }

    [Fact]
    public async Task CollectCommand_ForAnUnknownTenant_Exits2()
    {
        var (exitCode, output, error) = await HostProcess.RunCommandAsync(["collect", "--tenant", "no-such-tenant"], deployment.Environment);

        exitCode.ShouldBe(2, output + error);
        error.ShouldContain("no-such-tenant");
    }

    [Fact]
    public async Task CronCall_AskingToWaitLongerThanAllowed_Is400()
    {
        using var cron = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(deployment.Web.Address, "api/v1/collect?wait=3601"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Deployment.CronSecret);

        using var answer = await cron.SendAsync(request);

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await answer.Content.ReadAsStringAsync()).ShouldContain("GhStats:Cron:MaxWait");
    }

    /// <summary>A PostgreSQL database, a GitHub simulator, a web replica that queues runs, and a worker started on demand.</summary>
    public sealed class Deployment : IAsyncLifetime, IDisposable
    {
        public const string AdminEmail = "admin@worker.test";
        public const string CronSecret = "worker-tests-cron-secret-0123456789abcdef";

        private readonly SemaphoreSlim _gate = new(1, 1);
        private HostProcess? _web;
        private HostProcess? _worker;
        private GitHubSimulator? _gitHub;
        private string? _adminToken;

        internal HostProcess Web => _web ?? throw new InvalidOperationException("Not started.");

        public GitHubSimulator GitHub => _gitHub ?? throw new InvalidOperationException("Not started.");

        public Dictionary<string, string> Environment { get; } = [];

        public string Output => $"--- web ---\n{_web?.Output}\n--- worker ---\n{_worker?.Output}";

        public async Task InitializeAsync()
        {
            var server = await PostgresServer.SharedAsync();
            var connectionString = await server.CreateDatabaseAsync("host_worker");
            _gitHub = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { SimulatedNow = DateTimeOffset.UtcNow });
            Environment["GhStats__Storage__Provider"] = "postgres";
            Environment["GhStats__Postgres__ConnectionString"] = connectionString;
            Environment["GhStats__Cron__Secret"] = CronSecret;
            Environment["GhStats__Bootstrap__AdminEmails__0"] = AdminEmail;
            Environment["GhStats__Collector__QueuePollInterval"] = "00:00:01";

            // The GitHub simulator listens on loopback over http: the operator (the test) allows exactly that.
            Environment["GhStats__GitHub__AllowedHosts__0__Host"] = "127.0.0.1";
            Environment["GhStats__GitHub__AllowedHosts__0__AllowHttp"] = "true";
            Environment["GhStats__GitHub__AllowedHosts__0__AllowPrivateAddresses"] = "true";
            Environment["Logging__LogLevel__FluentMigrator"] = "Warning";
            Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";

            var web = new Dictionary<string, string>(Environment)
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["GhStats__Cron__QueueForWorker"] = "true",
            };
            _web = await HostProcess.StartAsync(web);
        }

        /// <summary>The worker process, started the first time a test needs it.</summary>
        internal async Task<HostProcess> WorkerAsync()
        {
            await _gate.WaitAsync();
            try
            {
                return _worker ??= await HostProcess.StartCommandAsync(["worker"], Environment, "GhStats worker started");
            }
            finally
            {
                _gate.Release();
            }
        }

        public async Task<string> AdminTokenAsync()
        {
            await _gate.WaitAsync();
            try
            {
                if (_adminToken is null)
                {
                    using var admin = HostSession.Anonymous(Web.Address);
                    await admin.SignInAsync(AdminEmail);
                    _adminToken = (await admin.PostAsync<ApiWire.CreatedToken>("api/v1/me/tokens", new { name = "worker tests" }, HttpStatusCode.Created)).Token;
                }

                return _adminToken;
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>A tenant with a connection and one tracked repository, made through the web replica's API.</summary>
        internal async Task<(string Token, SimulatedRepository Repository, ApiWire.Repository Tracked)> TrackAsync(string tenant, string owner, string name, bool canPush)
        {
            var token = GitHub.AddToken(canPushTo: canPush ? $"{owner}/*" : "nobody/*");
            var repository = GitHub.AddRepository(owner, name, seed: name.Length);
            using var admin = HostSession.WithToken(Web.Address, await AdminTokenAsync());
            await admin.PostAsync<ApiWire.Tenant>("api/v1/tenants", new { slug = tenant, name = tenant }, HttpStatusCode.Created);
            await admin.PostAsync<ApiWire.Connection>(
                $"api/v1/tenants/{tenant}/connections", new { kind = "pat", apiBaseUrl = GitHub.BaseAddress, token }, HttpStatusCode.Created);
            var tracked = await admin.PostAsync<ApiWire.Repository>("api/v1/repos", new { tenant, fullName = repository.FullName }, HttpStatusCode.Created);
            return (token, repository, tracked);
        }

        /// <summary>Tests share the database: a trigger while another test's run goes on would get that run.</summary>
        internal async Task WaitUntilNoRunGoingAsync(HostSession admin)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while ((await admin.GetAsync<ApiWire.Run[]>("api/v1/runs?limit=20")).Any(r => r.Status is "running" or "queued"))
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"A run was still going after 60 s.\n{Output}");
                }

                await Task.Delay(100);
            }
        }

        public async Task DisposeAsync()
        {
            if (_worker is not null)
            {
                await _worker.DisposeAsync();
            }

            if (_web is not null)
            {
                await _web.DisposeAsync();
            }

            if (_gitHub is not null)
            {
                await _gitHub.DisposeAsync();
            }

        }

        public void Dispose() => _gate.Dispose();
    }
}
