using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GhStats.Storage.Conformance;

/// <summary>
/// The storage conformance suite: every port and edge, run unchanged against every provider. The database is shared by
/// all tests of a provider, so each test makes its own tenants and repositories and never assumes a table is empty.
/// Parts of this class live in files named after the port they test.
/// </summary>
public abstract partial class StoreConformanceTests : IAsyncLifetime
{
    /// <summary>"Today" for every test: a day after a leap day, so leap-day edges fall in range.</summary>
    protected static readonly DateTimeOffset Start = new(2024, 3, 15, 9, 30, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    /// <summary>Creates the suite over a provider's database.</summary>
    /// <param name="database">The provider's database.</param>
    protected StoreConformanceTests(StoreDatabaseFixture database)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
        Clock = new FakeTimeProvider(Start);
        _services = database.BuildServices(Clock);
    }

    /// <summary>The provider's database.</summary>
    protected StoreDatabaseFixture Database { get; }

    /// <summary>The clock the stores read; tests move it.</summary>
    protected FakeTimeProvider Clock { get; }

    /// <summary>UTC today by <see cref="Clock"/>.</summary>
    protected DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>The points a read covered; a series lists every period, the others as not collected.</summary>
    protected static IEnumerable<TrafficPoint> Known(IEnumerable<TrafficPoint> points) => points.Where(p => p.KnownDays > 0);

    /// <summary>A day stored by a plain merge, without a window: known, but only as a lower bound.</summary>
    protected static TrafficPoint PartialDay(DateOnly day, long views, long uniqueViews, long clones, long uniqueClones) =>
        TrafficPoint.ForDay(day, DayCoverage.Partial, views, uniqueViews, clones, uniqueClones);

    /// <summary>The services under test.</summary>
    protected IServiceProvider Services => _services;

    protected ITrafficStore Traffic => Services.GetRequiredService<ITrafficStore>();

    protected IRepositoryStore Repositories => Services.GetRequiredService<IRepositoryStore>();

    protected ITenantStore Tenants => Services.GetRequiredService<ITenantStore>();

    protected IUserStore Users => Services.GetRequiredService<IUserStore>();

    protected IMembershipStore Memberships => Services.GetRequiredService<IMembershipStore>();

    protected IConnectionStore Connections => Services.GetRequiredService<IConnectionStore>();

    protected ICollectionRunStore Runs => Services.GetRequiredService<ICollectionRunStore>();

    protected IApiTokenStore Tokens => Services.GetRequiredService<IApiTokenStore>();

    protected ILeaseStore Leases => Services.GetRequiredService<ILeaseStore>();

    protected IDataProtectionKeyStore DataProtectionKeys => Services.GetRequiredService<IDataProtectionKeyStore>();

    protected ISchemaMigrator Migrator => Services.GetRequiredService<ISchemaMigrator>();

    protected ITrackedOwnerStore Owners => Services.GetRequiredService<ITrackedOwnerStore>();

    protected IStarHistoryStore StarHistory => Services.GetRequiredService<IStarHistoryStore>();

    protected IAuditStore Audit => Services.GetRequiredService<IAuditStore>();

    protected INotificationStore Notifications => Services.GetRequiredService<INotificationStore>();

    /// <summary>A short unique suffix for names.</summary>
    protected static string Unique() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>Creates a tenant with a unique slug.</summary>
    protected Task<Tenant> NewTenantAsync() => Tenants.CreateAsync("t-" + Unique(), "Tenant " + Unique());

    /// <summary>Creates a repository with a unique name in a tenant (a new tenant when none is given).</summary>
    protected async Task<TrackedRepository> NewRepositoryAsync(Tenant? tenant = null)
    {
        tenant ??= await NewTenantAsync();
        return await Repositories.AddAsync(tenant.Id, "owner-" + Unique(), "repo-" + Unique());
    }

    /// <summary>Creates a user with a unique identity and email.</summary>
    protected Task<UserProfile> NewUserAsync()
    {
        var unique = Unique();
        return Users.CreateAsync("https://issuer.example/" + unique, "sub-" + unique, $"user-{unique}@example.com", "User " + unique);
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>
    /// Disposes each test's services, and with them its provider's connection pool. xunit 2 disposes a test class through
    /// IAsyncLifetime (or IDisposable), never through IAsyncDisposable: as that, every test's PostgreSQL pool stayed open
    /// until the run ended, and the suite ran the test server out of connections.
    /// </summary>
    /// <returns>A task that completes once the services are disposed.</returns>
    public async Task DisposeAsync() => await _services.DisposeAsync();
}
