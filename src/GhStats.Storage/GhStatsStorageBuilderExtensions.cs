using GhStats;
using GhStats.Storage;
using GhStats.Storage.Connections;
using GhStats.Storage.DataProtection;
using GhStats.Storage.Hosting;
using GhStats.Storage.Leases;
using GhStats.Storage.Memberships;
using GhStats.Storage.Migrations;
using GhStats.Storage.Owners;
using GhStats.Storage.Relational;
using GhStats.Storage.Repositories;
using GhStats.Storage.Runs;
using GhStats.Storage.Tenants;
using GhStats.Storage.Tokens;
using GhStats.Storage.Traffic;
using GhStats.Storage.Users;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the relational store; provider packages call this from <c>UseSqlite()</c>, <c>UsePostgres()</c>, <c>UseDb2()</c>.</summary>
public static class GhStatsStorageBuilderExtensions
{
    /// <summary>Registers every store port on a relational database reached through <paramref name="provider"/>.</summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="name">The provider's name, e.g. "sqlite".</param>
    /// <param name="provider">Creates the provider from the application's services.</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder UseRelationalStore(this GhStatsBuilder builder, string name, Func<IServiceProvider, RelationalStoreProvider> provider)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(provider);

        var services = builder.Services;
        if (!services.Any(d => d.ServiceType == typeof(GhStatsStorageProvider) && d.ImplementationInstance is GhStatsStorageProvider p && p.Name == name))
        {
            services.AddSingleton(new GhStatsStorageProvider(name));
        }

        services.TryAddSingleton(provider);
        services.TryAddSingleton(sp => sp.GetRequiredService<RelationalStoreProvider>().Dialect);
        services.TryAddSingleton<StoreDatabase>();

        services.TryAddSingleton<TrafficStatements>();
        services.TryAddSingleton<RepositoryStatements>();
        services.TryAddSingleton<TenantStatements>();
        services.TryAddSingleton<RunStatements>();
        services.TryAddSingleton<LeaseStatements>();

        services.TryAddSingleton<ITrafficStore, TrafficStore>();
        services.TryAddSingleton<IRepositoryStore, RepositoryStore>();
        services.TryAddSingleton<ITenantStore, TenantStore>();
        services.TryAddSingleton<ICollectionRunStore, CollectionRunStore>();
        services.TryAddSingleton<ILeaseStore, LeaseStore>();
        services.TryAddSingleton<ISchemaMigrator, SchemaMigrator>();
        services.TryAddSingleton<TrackedOwnerStatements>();
        services.TryAddSingleton<ITrackedOwnerStore, TrackedOwnerStore>();
        AddAccessStores(services);

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MigrateOnStartup>());
        return builder;
    }

    // Users, memberships, connections, tokens and Data Protection keys.
    private static void AddAccessStores(IServiceCollection services)
    {
        services.TryAddSingleton<UserStatements>();
        services.TryAddSingleton<MembershipStatements>();
        services.TryAddSingleton<ConnectionStatements>();
        services.TryAddSingleton<TokenStatements>();
        services.TryAddSingleton<DataProtectionKeyStatements>();

        services.TryAddSingleton<IUserStore, UserStore>();
        services.TryAddSingleton<IMembershipStore, MembershipStore>();
        services.TryAddSingleton<IConnectionStore, ConnectionStore>();
        services.TryAddSingleton<IApiTokenStore, ApiTokenStore>();
        services.TryAddSingleton<IDataProtectionKeyStore, DataProtectionKeyStore>();
    }
}
