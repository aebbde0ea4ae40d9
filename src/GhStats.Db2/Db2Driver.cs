using System.Data.Common;
using System.Reflection;

namespace GhStats.Db2;

/// <summary>
/// Finds IBM's ADO.NET provider in the host at run time: GhStats.Db2 builds and ships without it, because IBM publishes
/// it per operating system and the host knows which one it runs on.
/// </summary>
/// <param name="candidates">Where to look, in order.</param>
internal sealed class Db2Driver(IReadOnlyList<Db2Driver.FactoryLocation> candidates)
{
    /// <summary>What the host must add when no driver is found.</summary>
    public const string MissingMessage =
        "GhStats.Db2 needs IBM's Db2 driver, which it does not ship. Add the package for the host's operating system to the host project: " +
        "Net.IBM.Data.Db2 (Windows), Net.IBM.Data.Db2-lnx (Linux) or Net.IBM.Data.Db2-osx (macOS).";

    /// <summary>Net.IBM.Data.Db2 / -lnx / -osx first, then the older IBM.Data.DB2.Core package.</summary>
    public static readonly IReadOnlyList<FactoryLocation> IbmLocations =
    [
        new("IBM.Data.Db2", "IBM.Data.Db2.DB2Factory"),
        new("IBM.Data.DB2.Core", "IBM.Data.DB2.Core.DB2Factory"),
    ];

    private readonly Lazy<DbProviderFactory?> _factory = new(() => Find(candidates));

    /// <summary>The locations searched.</summary>
    public IReadOnlyList<FactoryLocation> Candidates => candidates;

    /// <summary>Whether the host carries a driver.</summary>
    public bool IsAvailable => _factory.Value is not null;

    /// <summary>IBM's provider factory.</summary>
    /// <exception cref="InvalidOperationException">When the host carries no driver; the message names the package to add.</exception>
    public DbProviderFactory Factory => _factory.Value ?? throw new InvalidOperationException(MissingMessage);

    /// <summary>Looks for IBM's driver under the names its packages have used.</summary>
    /// <returns>The driver.</returns>
    public static Db2Driver Ibm() => new(IbmLocations);

    private static DbProviderFactory? Find(IEnumerable<FactoryLocation> locations)
    {
        foreach (var location in locations)
        {
            Assembly assembly;
            try
            {
                assembly = Assembly.Load(new AssemblyName(location.AssemblyName));
            }
            catch (Exception exception) when (exception is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                continue;
            }

            var instance = assembly.GetType(location.FactoryType, throwOnError: false)
                ?.GetField("Instance", BindingFlags.Public | BindingFlags.Static)
                ?.GetValue(null);
            if (instance is DbProviderFactory factory)
            {
                return factory;
            }
        }

        return null;
    }

    /// <summary>An assembly and the DbProviderFactory type it holds.</summary>
    /// <param name="AssemblyName">The assembly's simple name.</param>
    /// <param name="FactoryType">The factory's full type name.</param>
    internal sealed record FactoryLocation(string AssemblyName, string FactoryType);
}
