using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace GhStats;

/// <summary>A configuration with no values, for hosts that configure GhStats in code only.</summary>
internal sealed class EmptyConfiguration : IConfigurationSection
{
    public static EmptyConfiguration Instance { get; } = new(string.Empty);

    private EmptyConfiguration(string path) => Path = path;

    public string? this[string key]
    {
        get => null;
        set => throw new NotSupportedException("The empty GhStats configuration is read-only.");
    }

    public string Key => Path.Split(':')[^1];

    public string Path { get; }

    public string? Value
    {
        get => null;
        set => throw new NotSupportedException("The empty GhStats configuration is read-only.");
    }

    public IEnumerable<IConfigurationSection> GetChildren() => [];

    public IChangeToken GetReloadToken() => new CancellationChangeToken(CancellationToken.None);

    public IConfigurationSection GetSection(string key) => new EmptyConfiguration(Path.Length == 0 ? key : $"{Path}:{key}");
}
