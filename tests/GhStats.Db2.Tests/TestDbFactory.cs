using System.Data.Common;

namespace GhStats.Db2.Tests;

/// <summary>A provider factory shaped like IBM's (a public static Instance field), for the driver lookup to find.</summary>
public sealed class TestDbFactory : DbProviderFactory
{
    public static readonly TestDbFactory Instance = new();

    private TestDbFactory()
    {
    }
}
