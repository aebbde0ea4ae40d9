using System.Net;
using GhStats.Testing.GitHub;
using GhStats.Testing.Postgres;
using Npgsql;
using Xunit;

namespace GhStats.Host.Tests;

/// <summary>
/// Two host processes on one PostgreSQL database, as two replicas behind a load balancer: different ports, the same
/// connection string, the Development environment (for the development sign-in), a cron secret and a bootstrap admin.
/// Both start at once on an empty database, so they also race for the migration and the first Data Protection key.
/// Host 2 runs from another folder (its content root), as replicas deployed to different paths do: nothing that
/// ASP.NET Core derives from the folder may keep them apart. A GitHub simulator serves the collections.
/// </summary>
public sealed class ScaleOutCluster : IAsyncLifetime
{
    public const string AdminEmail = "admin@scale-out.test";
    public const string CronSecret = "scale-out-cron-secret-0123456789abcdef";

    private readonly Lazy<Task<string>> _adminToken;
    private readonly string _secondFolder = Directory.CreateTempSubdirectory("ghstats-replica-").FullName;
    private HostProcess? _first;
    private HostProcess? _second;
    private GitHubSimulator? _gitHub;

    public ScaleOutCluster() => _adminToken = new(CreateAdminTokenAsync);

    internal HostProcess First => _first ?? throw new InvalidOperationException("The cluster has not started.");

    internal HostProcess Second => _second ?? throw new InvalidOperationException("The cluster has not started.");

    public GitHubSimulator GitHub => _gitHub ?? throw new InvalidOperationException("The cluster has not started.");

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Both hosts' output, for assertion messages.</summary>
    public string Output => $"--- host 1 ---\n{_first?.Output}\n--- host 2 ---\n{_second?.Output}";

    /// <summary>A personal API token of the bootstrap admin, made once through host 1's API.</summary>
    public Task<string> AdminTokenAsync() => _adminToken.Value;

    /// <summary>
    /// Waits until no process holds the collection lease and no run is unfinished, i.e. no run is going on either host
    /// (the lease covers only a run's start; its lanes are collected after it is given back). A replica that has just
    /// finished a run answers a trigger with that finished run until its job has returned, a moment after it released
    /// the lease (CollectionService.StartAsync trusts its job's task, not the run's record), while the other replica
    /// may start a new run: two answers, two ids. Real schedulers do not fire in that moment; these tests wait it out.
    /// </summary>
    public async Task WaitUntilNoCollectionAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var going = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM ghstats.leases WHERE name = 'collection') + (SELECT count(*) FROM ghstats.collection_runs WHERE finished_at IS NULL)",
            connection);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((long)(await going.ExecuteScalarAsync())! > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"A collection was still going (its lease held or its run unfinished) after 60 s.\n{Output}");
            }

            await Task.Delay(50);
        }

        // The job returns right after releasing the lease; give it that moment.
        await Task.Delay(100);
    }

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.SharedAsync();
        ConnectionString = await server.CreateDatabaseAsync("host_scale_out");

        // The simulator's traffic window follows its own clock; today's keeps its days inside the API's ranges.
        _gitHub = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { SimulatedNow = DateTimeOffset.UtcNow });

        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["GhStats__Storage__Provider"] = "postgres",
            ["GhStats__Postgres__ConnectionString"] = ConnectionString,
            ["GhStats__Cron__Secret"] = CronSecret,
            ["GhStats__Bootstrap__AdminEmails__0"] = AdminEmail,

            // The GitHub simulator listens on loopback over http: the operator (the test) allows exactly that.
            ["GhStats__GitHub__AllowedHosts__0__Host"] = "127.0.0.1",
            ["GhStats__GitHub__AllowedHosts__0__AllowHttp"] = "true",
            ["GhStats__GitHub__AllowedHosts__0__AllowPrivateAddresses"] = "true",

            // Host 2's folder has no appsettings.json; these keep both logs to what a test failure needs.
            ["Logging__LogLevel__FluentMigrator"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        };
        var first = HostProcess.StartAsync(environment);
        var second = HostProcess.StartAsync(environment, contentRoot: _secondFolder);
        try
        {
            await Task.WhenAll(first, second);
        }
        finally
        {
            // Whichever started is kept, so DisposeAsync stops it even when the other failed.
            _first = first.IsCompletedSuccessfully ? first.Result : null;
            _second = second.IsCompletedSuccessfully ? second.Result : null;
        }
    }

    public async Task DisposeAsync()
    {
        if (_first is not null)
        {
            await _first.DisposeAsync();
        }

        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        if (_gitHub is not null)
        {
            await _gitHub.DisposeAsync();
        }

        try
        {
            Directory.Delete(_secondFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<string> CreateAdminTokenAsync()
    {
        using var admin = HostSession.Anonymous(First.Address);
        await admin.SignInAsync(AdminEmail);
        var created = await admin.PostAsync<ApiWire.CreatedToken>("api/v1/me/tokens", new { name = "scale-out tests" }, HttpStatusCode.Created);
        return created.Token;
    }
}
