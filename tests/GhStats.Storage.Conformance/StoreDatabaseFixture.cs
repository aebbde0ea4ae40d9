using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GhStats.Storage.Conformance;

/// <summary>One migrated database per provider test class; tests share it and create their own uniquely named data.</summary>
public abstract class StoreDatabaseFixture : IAsyncLifetime
{
    /// <summary>The provider's name, for messages.</summary>
    public abstract string ProviderName { get; }

    /// <summary>Points a GhStats builder at this database.</summary>
    /// <param name="builder">The builder.</param>
    public abstract void Configure(GhStatsBuilder builder);

    /// <summary>Creates the database and migrates it once.</summary>
    /// <returns>A task.</returns>
    public virtual async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        await using var services = BuildServices(TimeProvider.System);
        await services.GetRequiredService<ISchemaMigrator>().MigrateAsync();
    }

    /// <summary>Drops what <see cref="CreateDatabaseAsync"/> made.</summary>
    /// <returns>A task.</returns>
    public abstract Task DisposeAsync();

    /// <summary>Services over this database with a clock of the test's choosing.</summary>
    /// <param name="clock">The clock the stores read.</param>
    /// <param name="configure">More configuration, if any.</param>
    /// <returns>The services.</returns>
    public ServiceProvider BuildServices(TimeProvider clock, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(clock);
        Configure(services.AddGhStats());
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Creates an empty database.</summary>
    /// <returns>A task.</returns>
    protected abstract Task CreateDatabaseAsync();
}
