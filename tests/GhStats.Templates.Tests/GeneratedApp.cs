using System.Text.Json;

namespace GhStats.Templates.Tests;

/// <summary>A project that `dotnet new ghstats` generated into its own folder, with the user secrets the template stored.</summary>
public sealed class GeneratedApp
{
    public GeneratedApp(string name, string directory, string userSecretsDirectory)
    {
        Name = name;
        Directory = directory;
        UserSecretsDirectory = userSecretsDirectory;
    }

    public string Name { get; }

    public string Directory { get; }

    /// <summary>The APPDATA folder the template and the app read user secrets from, so the machine's own store is never touched.</summary>
    public string UserSecretsDirectory { get; }

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary>Every file the template wrote, with its path relative to the project folder.</summary>
    public IReadOnlyList<string> Files() => System.IO.Directory
        .EnumerateFiles(Directory, "*", SearchOption.AllDirectories)
        .Select(path => Path.GetRelativePath(Directory, path))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The UserSecretsId in the project file.</summary>
    public string UserSecretsId()
    {
        var project = File.ReadAllText(ProjectFile);
        var start = project.IndexOf("<UserSecretsId>", StringComparison.Ordinal) + "<UserSecretsId>".Length;
        var end = project.IndexOf("</UserSecretsId>", StringComparison.Ordinal);
        return start < "<UserSecretsId>".Length || end < start ? throw new InvalidOperationException($"{ProjectFile} has no UserSecretsId.") : project[start..end];
    }

    /// <summary>The user secrets of this project, or none when the template stored none.</summary>
    public IReadOnlyDictionary<string, string> UserSecrets()
    {
        var path = Path.Combine(UserSecretsDirectory, "Microsoft", "UserSecrets", UserSecretsId(), "secrets.json");
        if (!File.Exists(path))
        {
            return new Dictionary<string, string>();
        }

        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
    }

    /// <summary>Writes a nuget.config that takes GhStats.* from the local feed only and everything else from the usual source.</summary>
    public void UseLocalFeed(string feed)
    {
        File.WriteAllText(Path.Combine(Directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="ghstats-local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="ghstats-local">
                  <package pattern="GhStats.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
    }
}
