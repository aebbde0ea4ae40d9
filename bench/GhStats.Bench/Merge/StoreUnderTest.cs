using System.Data.Common;
using System.Globalization;
using GhStats.Domain;
using GhStats.Storage;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace GhStats.Bench.Merge;

/// <summary>
/// One database product the benchmark measures: it makes fresh, migrated databases holding the same tenants and
/// repositories (created through GhStats' own ports), and opens plain ADO.NET connections to them with the same session
/// settings the store uses, for the baselines.
/// </summary>
internal abstract class StoreUnderTest : IAsyncDisposable
{
    /// <summary>The merge benchmark's shape: 10 tenants of 100 repositories for 1,000.</summary>
    public const int DefaultRepositoriesPerTenant = 100;

    /// <summary>"sqlite" or "postgres", as on the command line and in the results file name.</summary>
    public abstract string Name { get; }

    /// <summary>The product's name for people.</summary>
    public abstract string DisplayName { get; }

    /// <summary>The store's own dialect: table names, day values and the merge statement, exactly as the store renders them.</summary>
    public abstract SqlDialect Dialect { get; }

    /// <summary>The database version and settings that matter to the figures, as Markdown list items.</summary>
    /// <returns>The lines.</returns>
    public abstract Task<IReadOnlyList<string>> DescribeAsync();

    /// <summary>Whose CPU time <see cref="CpuTime"/> counts, for the report.</summary>
    public virtual string CpuScope => "CPU time of the benchmark process (the database runs in it)";

    /// <summary>
    /// CPU time spent so far on the benchmark's behalf: this process's, plus the server's where the database is one. On a
    /// shared machine it moves less than the wall clock when other work competes for the cores.
    /// </summary>
    /// <returns>The total so far.</returns>
    public virtual TimeSpan CpuTime()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>
    /// Does now what the database would do in the background after a large import, so that it does not run beside the
    /// timed calls: nothing here (SQLite has no background work); PostgreSQL vacuums and analyses, as autovacuum would.
    /// </summary>
    /// <param name="connection">An open connection to the seeded database.</param>
    /// <returns>What was done, for the report, or null.</returns>
    public virtual Task<string?> SettleAsync(DbConnection connection) => Task.FromResult<string?>(null);

    /// <summary>Opens a plain connection to a database with the session settings the store applies to its own.</summary>
    /// <param name="connectionString">The database.</param>
    /// <returns>The open connection.</returns>
    public abstract Task<DbConnection> OpenAsync(string connectionString);

    /// <summary>Creates an empty database, migrates it and adds the tenants and repositories through the ports.</summary>
    /// <param name="repositories">How many repositories.</param>
    /// <param name="repositoriesPerTenant">How many go in each tenant (bench-0, bench-1...), all in owner bench-org-{tenant}.</param>
    /// <returns>The database; dispose it to delete it.</returns>
    public async Task<FreshDatabase> CreateDatabaseAsync(int repositories, int repositoriesPerTenant = DefaultRepositoriesPerTenant)
    {
        var connectionString = await CreateEmptyDatabaseAsync();
        ServiceProvider? services = null;
        try
        {
            var collection = new ServiceCollection().AddLogging();
            UseStore(collection.AddGhStats(), connectionString);
            services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
            await services.GetRequiredService<ISchemaMigrator>().MigrateAsync();

            var tenants = services.GetRequiredService<ITenantStore>();
            var repositoryStore = services.GetRequiredService<IRepositoryStore>();
            var ids = new List<long>(repositories);
            Tenant? tenant = null;
            for (var i = 0; i < repositories; i++)
            {
                var t = (i / repositoriesPerTenant).ToString(CultureInfo.InvariantCulture);
                if (i % repositoriesPerTenant == 0)
                {
                    tenant = await tenants.CreateAsync("bench-" + t, "Benchmark tenant " + t);
                }

                var repository = await repositoryStore.AddAsync(tenant!.Id, "bench-org-" + t, "repo-" + i.ToString("D5", CultureInfo.InvariantCulture));
                ids.Add(repository.Id);
            }

            return new FreshDatabase(this, connectionString, services, ids);
        }
        catch
        {
            if (services is not null)
            {
                await services.DisposeAsync();
            }

            await DropDatabaseAsync(connectionString);
            throw;
        }
    }

    /// <summary>Deletes a database made by <see cref="CreateDatabaseAsync"/>.</summary>
    /// <param name="connectionString">The database.</param>
    /// <returns>A task.</returns>
    public abstract Task DropDatabaseAsync(string connectionString);

    public abstract ValueTask DisposeAsync();

    /// <summary>Creates an empty database.</summary>
    /// <returns>Its connection string.</returns>
    protected abstract Task<string> CreateEmptyDatabaseAsync();

    /// <summary>Points GhStats at a database.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">The database.</param>
    protected abstract void UseStore(GhStatsBuilder builder, string connectionString);
}
