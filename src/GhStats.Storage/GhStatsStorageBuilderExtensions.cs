using GhStats.Diagnostics;
using GhStats;
using GhStats.Storage;
using GhStats.Storage.Annotations;
using GhStats.Storage.Audit;
using GhStats.Storage.Connections;
using GhStats.Storage.Dashboards;
using GhStats.Storage.DataProtection;
using GhStats.Storage.ETags;
using GhStats.Storage.Health;
using GhStats.Storage.Hosting;
using GhStats.Storage.Lanes;
using GhStats.Storage.Leases;
using GhStats.Storage.Memberships;
using GhStats.Storage.Migrations;
using GhStats.Storage.Releases;
using GhStats.Storage.Notifications;
using GhStats.Storage.Owners;
using GhStats.Storage.Relational;
using GhStats.Storage.Repositories;
using GhStats.Storage.Runs;
using GhStats.Storage.Stars;
using GhStats.Storage.Tenants;
using GhStats.Storage.Tokens;
using GhStats.Storage.Traffic;
using GhStats.Storage.Transfers;
using GhStats.Storage.Users;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the relational store, and Data Protection with its key ring in that store; provider packages call this from
/// <c>UseSqlite()</c>, <c>UsePostgres()</c>, <c>UseDb2()</c>.
/// </summary>
public static class GhStatsStorageBuilderExtensions
{
    /// <summary>
    /// Registers a provider with its options: bound from <c>GhStats:{section}</c> once, however often it is called, then
    /// configured by <paramref name="configure"/> on every call. The provider validates its options with an
    /// <see cref="Microsoft.Extensions.Options.IValidateOptions{TOptions}"/> of its own; they are checked at start.
    /// </summary>
    /// <typeparam name="TOptions">The provider's options.</typeparam>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="name">The provider's name, e.g. "sqlite".</param>
    /// <param name="section">The options' section under "GhStats", e.g. "Sqlite".</param>
    /// <param name="configure">Code configuration, applied after the configuration section.</param>
    /// <param name="provider">Creates the provider from the application's services.</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder UseRelationalStore<TOptions>(
        this GhStatsBuilder builder,
        string name,
        string section,
        Action<TOptions>? configure,
        Func<IServiceProvider, RelationalStoreProvider> provider)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.BindOptions<TOptions>(section);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder.UseRelationalStore(name, provider);
    }

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
        if (!IsRegistered(services, name))
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
        services.TryAddSingleton<ReleaseStatements>();
        services.TryAddSingleton<IReleaseStore, ReleaseStore>();
        services.TryAddSingleton<ITrackedOwnerStore, TrackedOwnerStore>();
        services.TryAddSingleton<StarHistoryStatements>();
        services.TryAddSingleton<IStarHistoryStore, StarHistoryStore>();
        services.TryAddSingleton<AnnotationStatements>();
        services.TryAddSingleton<IAnnotationStore, AnnotationStore>();
        services.TryAddSingleton<PublicDashboardStatements>();
        services.TryAddSingleton<IPublicDashboardStore, PublicDashboardStore>();
        services.TryAddSingleton<GitHubETagStatements>();
        services.TryAddSingleton<IGitHubETagStore, GitHubETagStore>();
        services.TryAddSingleton<TransferJobStatements>();
        services.TryAddSingleton<ITransferJobStore, TransferJobStore>();
        services.TryAddSingleton<CollectionLaneStatements>();
        services.TryAddSingleton<ICollectionLaneStore, CollectionLaneStore>();
        AddAccessStores(services);
        AddHealthChecks(builder);

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MigrateOnStartup>());
        DatabaseKeyRing.Add(services, builder.Configuration);
        return builder;
    }

    /// <summary>
    /// Changes how the Data Protection key ring kept in the GhStats database is protected at rest, after
    /// <c>GhStats:DataProtection</c> is bound. Every store registers Data Protection over that key ring and the
    /// <see cref="ISecretProtector"/> that encrypts GitHub secrets with it.
    /// </summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration, applied after the configuration section.</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder ConfigureDataProtection(this GhStatsBuilder builder, Action<GhStatsDataProtectionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        DatabaseKeyRing.Configure(builder.Services, builder.Configuration, configure);
        return builder;
    }

    /// <summary>
    /// Changes the health settings (<c>GhStats:Health</c>, e.g. how old the last collection may be before
    /// <c>{prefix}/readyz</c> says Degraded) in code, after the configuration.
    /// </summary>
    /// <param name="builder">The GhStats builder.</param>
    /// <param name="configure">Code configuration.</param>
    /// <returns>The builder.</returns>
    public static GhStatsBuilder ConfigureHealth(this GhStatsBuilder builder, Action<GhStatsHealthOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.BindOptions<GhStatsHealthOptions>(GhStatsHealthOptions.SectionName).Configure(configure);
        return builder;
    }

    private static bool IsRegistered(IServiceCollection services, string name) =>
        services.Any(d => d.ImplementationInstance is GhStatsStorageProvider p && p.Name == name);

    /// <summary>
    /// The database, schema and collection freshness checks, tagged "ghstats" and "ready", in the app's own health
    /// check service, so <c>MapHealthChecks</c> with a tag predicate finds them as <c>{prefix}/readyz</c> does.
    /// </summary>
    private static void AddHealthChecks(GhStatsBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(DatabaseHealthCheck)))
        {
            return;
        }

        builder.BindOptions<GhStatsHealthOptions>(GhStatsHealthOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsHealthOptions>, GhStatsHealthOptionsValidator>());
        services.TryAddSingleton<DatabaseHealthCheck>();
        services.TryAddSingleton<SchemaHealthCheck>();
        services.TryAddSingleton<CollectionFreshnessHealthCheck>();
        string[] ready = [GhStatsHealthChecks.Tag, GhStatsHealthChecks.ReadyTag];
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(GhStatsHealthChecks.Database, HealthStatus.Unhealthy, ready)
            .AddCheck<SchemaHealthCheck>(GhStatsHealthChecks.Schema, HealthStatus.Unhealthy, ready)
            .AddCheck<CollectionFreshnessHealthCheck>(GhStatsHealthChecks.Collection, HealthStatus.Degraded, [.. ready, GhStatsHealthChecks.CollectionTag]);
    }

    // Users, memberships, connections, tokens, Data Protection keys, the audit log and notifications.
    private static void AddAccessStores(IServiceCollection services)
    {
        services.TryAddSingleton<UserStatements>();
        services.TryAddSingleton<MembershipStatements>();
        services.TryAddSingleton<ConnectionStatements>();
        services.TryAddSingleton<TokenStatements>();
        services.TryAddSingleton<DataProtectionKeyStatements>();
        services.TryAddSingleton<AuditStatements>();
        services.TryAddSingleton<NotificationStatements>();

        services.TryAddSingleton<IUserStore, UserStore>();
        services.TryAddSingleton<IMembershipStore, MembershipStore>();
        services.TryAddSingleton<IConnectionStore, ConnectionStore>();
        services.TryAddSingleton<IApiTokenStore, ApiTokenStore>();
        services.TryAddSingleton<IDataProtectionKeyStore, DataProtectionKeyStore>();
        services.TryAddSingleton<IAuditStore, AuditStore>();
        services.TryAddSingleton<INotificationStore, NotificationStore>();
    }
}
