using System.Data.Common;
using FluentMigrator.Runner.Processors.DB2;

namespace GhStats.Db2;

/// <summary>
/// Hands FluentMigrator's Db2 processor the driver GhStats found. FluentMigrator 8.0.1 looks for "Net.IBM.Data.DB2.DB2Factory",
/// a type no IBM package contains (Net.IBM.Data.Db2's is IBM.Data.Db2.DB2Factory), so on its own it finds no driver.
/// </summary>
/// <param name="services">FluentMigrator's services.</param>
/// <param name="driver">The driver lookup.</param>
internal sealed class Db2DriverDbFactory(IServiceProvider services, Db2Driver driver) : Db2DbFactory(services)
{
    protected override DbProviderFactory CreateFactory() => driver.Factory;
}
