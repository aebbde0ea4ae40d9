using FluentMigrator.Runner;
using FluentMigrator.Runner.Generators.DB2;
using FluentMigrator.Runner.Processors.DB2;
using Microsoft.Extensions.DependencyInjection;

namespace GhStats.Db2;

/// <summary>How FluentMigrator reaches Db2 LUW, the same for migrating and for writing the script.</summary>
internal static class Db2Migrations
{
    /// <summary>Adds FluentMigrator's Db2 LUW processor with GhStats' identity exception and driver lookup.</summary>
    /// <param name="runner">The runner builder.</param>
    /// <param name="driver">The driver lookup; only touched when a connection is opened, so the script needs no driver.</param>
    public static void Configure(IMigrationRunnerBuilder runner, Db2Driver driver)
    {
        ArgumentNullException.ThrowIfNull(runner);
        runner.AddDb2();

        // Registered after AddDb2, so these win where the processor and the runner resolve them.
        runner.Services
            .AddScoped<Db2Generator, Db2LuwGenerator>()
            .AddScoped<Db2DbFactory>(sp => new Db2DriverDbFactory(sp, driver));
    }
}
