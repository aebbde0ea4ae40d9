using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace GhStats.Templates.Tests;

/// <summary>
/// Once per run: packs every GhStats package and the template package into a temporary local feed, and installs the
/// template package into a private template hive. Generated projects, their restore cache and their user secrets all
/// live under one temporary folder, deleted at the end.
/// </summary>
public sealed partial class TemplateFixture : IAsyncLifetime
{
    /// <summary>The packages a generated app may reference; all are packed, so a template can use any of them.</summary>
    public static readonly string[] SourcePackages =
        ["Abstractions", "Storage", "Sqlite", "Postgres", "Db2", "GitHub", "Notifications", "Web", "Client"];

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan NewTimeout = TimeSpan.FromMinutes(2);

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("ghstats-templates-");

    public static string RepositoryRoot => typeof(TemplateFixture).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The local feed holding the packed .nupkg files.</summary>
    public string Feed => Path.Combine(_root.FullName, "feed");

    /// <summary>The version every package was packed with (Directory.Build.props' Version).</summary>
    public string PackedVersion { get; private set; } = "";

    /// <summary>One NuGet package folder for every restore of this run, so no GhStats package cached elsewhere is used.</summary>
    public string PackagesFolder => Path.Combine(_root.FullName, "packages");

    private string Hive => Path.Combine(_root.FullName, "hive");

    private string AppData => Path.Combine(_root.FullName, "appdata");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(AppData);

        // One solution of the packable projects, so one `dotnet pack` builds each project once.
        var solution = Path.Combine(_root.FullName, "pack.slnx");
        var projects = SourcePackages.Select(name => Path.Combine(RepositoryRoot, "src", $"GhStats.{name}", $"GhStats.{name}.csproj"))
            .Append(Path.Combine(RepositoryRoot, "templates", "GhStats.Templates.csproj"));
        await File.WriteAllTextAsync(solution, $"<Solution>\n{string.Concat(projects.Select(p => $"  <Project Path=\"{p}\" />\n"))}</Solution>\n");
        await DotnetCli.RunAsync(
            ["pack", solution, "-c", "Release", $"-p:PackageOutputPath={Feed}", "-nologo"],
            _root.FullName,
            new Dictionary<string, string>(),
            PackTimeout);

        var templatePackage = Directory.GetFiles(Feed, "GhStats.Templates.*.nupkg").Single();
        PackedVersion = TemplatePackageVersion().Match(Path.GetFileName(templatePackage)).Groups["version"].Value;

        await DotnetCli.RunAsync(["new", "install", templatePackage, "--debug:custom-hive", Hive], _root.FullName, Environment(), NewTimeout);
    }

    /// <summary>Runs <c>dotnet new ghstats</c> with the given options into a new folder, running its post action as a user would allow it.</summary>
    public async Task<GeneratedApp> GenerateAsync(string storage, string signin)
    {
        var name = $"My{Capitalize(storage)}{Capitalize(signin)}App{Guid.NewGuid():N}"[..32];
        var directory = Path.Combine(_root.FullName, "apps", name);
        await DotnetCli.RunAsync(
            ["new", "ghstats", "-n", name, "-o", directory, "--storage", storage, "--signin", signin, "--allow-scripts", "yes", "--debug:custom-hive", Hive],
            _root.FullName,
            Environment(),
            NewTimeout);
        return new GeneratedApp(name, directory, AppData);
    }

    /// <summary>
    /// Restores (against the local feed and the usual source, in this run's own package folder) and builds a generated
    /// app; a warning fails the build, as a newcomer's first build should show none.
    /// </summary>
    public async Task<string> BuildAsync(GeneratedApp app)
    {
        app.UseLocalFeed(Feed);
        await DotnetCli.RunAsync(
            ["build", app.ProjectFile, "-nologo", "-warnaserror"],
            app.Directory,
            new Dictionary<string, string>(Environment()) { ["NUGET_PACKAGES"] = PackagesFolder },
            PackTimeout);
        return Path.Combine(app.Directory, "bin", "Debug", "net10.0", app.Name + ".dll");
    }

    /// <summary>What every dotnet child process of this fixture gets: user secrets in the run's folder, not the machine's.</summary>
    public IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>
    {
        // Microsoft.Extensions.Configuration.UserSecrets (the `dotnet user-secrets` tool and the app) looks in APPDATA first.
        ["APPDATA"] = AppData,

        // A Production app creates its key-encryption certificate here, not in the machine's LocalApplicationData.
        ["GhStats__DataProtection__GeneratedKeyCertificatePath"] = Path.Combine(_root.FullName, "keys", "key-encryption.pfx"),
    };

    public Task DisposeAsync()
    {
        try
        {
            _root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A process still closing a file; the temp folder is cleaned by the system later.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Task.CompletedTask;
    }

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    [GeneratedRegex(@"^GhStats\.Templates\.(?<version>.+)\.nupkg$")]
    private static partial Regex TemplatePackageVersion();
}

[CollectionDefinition(Name)]
public sealed class TemplateTestGroup : ICollectionFixture<TemplateFixture>
{
    public const string Name = "Templates";
}
