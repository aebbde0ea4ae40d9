using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Shouldly;
using Xunit;

namespace GhStats.Host.Tests;

/// <summary>
/// `dotnet pack` of every project under src/, once, into a temporary folder; then what a consumer gets from each package:
/// its metadata, its README, its symbols, its GhStats dependencies, and the files GhStats.Web and GhStats.Db2 must carry.
/// </summary>
public sealed class PackageTests(PackageTests.Packs packs) : IClassFixture<PackageTests.Packs>
{
    /// <summary>Which GhStats packages each package depends on: the "may reference" column of DESIGN.md.</summary>
    private static readonly Dictionary<string, string[]> GhStatsDependencies = new()
    {
        ["GhStats.Abstractions"] = [],
        ["GhStats.Storage"] = ["GhStats.Abstractions"],
        ["GhStats.Sqlite"] = ["GhStats.Storage"],
        ["GhStats.Postgres"] = ["GhStats.Storage"],
        ["GhStats.Db2"] = ["GhStats.Storage"],
        ["GhStats.GitHub"] = ["GhStats.Abstractions"],
        ["GhStats.Notifications"] = ["GhStats.Abstractions"],
        ["GhStats.Transfer"] = ["GhStats.Abstractions"],
        ["GhStats.Web"] = ["GhStats.Abstractions"],
        ["GhStats.Client"] = [],
    };

    public static TheoryData<string> PackageIds => new(GhStatsDependencies.Keys);

    [Fact]
    public void EveryProjectUnderSrc_IsPacked_WithASymbolPackage()
    {
        var projects = Directory.GetDirectories(Path.Combine(Packs.RepositoryRoot, "src"))
            .Where(folder => File.Exists(Path.Combine(folder, Path.GetFileName(folder) + ".csproj")))
            .Select(Path.GetFileName)
            .Order();

        packs.Ids.Order().ShouldBe(projects, "every src project is a package, and this test knows each one's dependencies");
        GhStatsDependencies.Keys.Order().ShouldBe(projects);
        foreach (var id in packs.Ids)
        {
            using var symbols = ZipFile.OpenRead(packs.SymbolPackagePath(id));
            symbols.Entries.ShouldContain(e => e.FullName == $"lib/net10.0/{id}.pdb", $"{id}.snupkg");
        }
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Package_HasCompleteMetadata(string id)
    {
        var metadata = packs.Nuspec(id);

        Text(metadata, "id").ShouldBe(id);
        Text(metadata, "version").ShouldBe(Packs.Version);
        Text(metadata, "description").Length.ShouldBeGreaterThan(40);
        Text(metadata, "authors").ShouldNotBeNullOrWhiteSpace();
        var license = metadata.Element(metadata.Name.Namespace + "license").ShouldNotBeNull();
        license.Attribute("type")!.Value.ShouldBe("expression");
        license.Value.ShouldBe("MIT");
        Text(metadata, "projectUrl").ShouldStartWith("https://");
        Text(metadata, "readme").ShouldBe("README.md");
        Text(metadata, "tags").Split(' ').ShouldContain("ghstats");
        var repository = metadata.Element(metadata.Name.Namespace + "repository").ShouldNotBeNull();
        repository.Attribute("type")!.Value.ShouldBe("git");
        repository.Attribute("url")!.Value.ShouldStartWith("https://");
        if (Packs.IsGitCheckout)
        {
            repository.Attribute("commit").ShouldNotBeNull("the commit the package was built from").Value.Length.ShouldBe(40);
        }
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Package_CarriesItsOwnReadme_AndNoContentFiles(string id)
    {
        using var package = ZipFile.OpenRead(packs.PackagePath(id));

        var readme = package.GetEntry("README.md").ShouldNotBeNull($"{id} has no README.md");
        using var reader = new StreamReader(readme.Open(), Encoding.UTF8);
        var text = reader.ReadToEnd();
        text.ShouldBe(File.ReadAllText(Path.Combine(Packs.RepositoryRoot, "src", id, "README.md")));
        text.ShouldStartWith($"# {id}");
        package.Entries.Where(e => e.FullName.StartsWith("content", StringComparison.Ordinal)).Select(e => e.FullName)
            .ShouldBeEmpty("a package's content files land in every consumer's project");
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Package_DependsOnTheGhStatsPackagesTheDesignAllows_AtTheSameVersion(string id)
    {
        var dependencies = packs.Nuspec(id).Descendants(packs.Nuspec(id).Name.Namespace + "dependency")
            .Select(d => (Id: d.Attribute("id")!.Value, Version: d.Attribute("version")!.Value))
            .ToList();

        dependencies.Where(d => d.Id.StartsWith("GhStats.", StringComparison.Ordinal)).Select(d => d.Id).Order()
            .ShouldBe(GhStatsDependencies[id].Order());
        dependencies.Where(d => d.Id.StartsWith("GhStats.", StringComparison.Ordinal)).ShouldAllBe(d => d.Version == Packs.Version);
    }

    [Fact]
    public void WebPackage_CarriesItsCompiledPagesAndEveryAsset_InsideItsAssembly()
    {
        using var package = ZipFile.OpenRead(packs.PackagePath("GhStats.Web"));
        using var assembly = new MemoryStream();
        using (var entry = package.GetEntry("lib/net10.0/GhStats.Web.dll").ShouldNotBeNull().Open())
        {
            entry.CopyTo(assembly);
        }

        assembly.Position = 0;
        using var pe = new PEReader(assembly);
        var reader = pe.GetMetadataReader();
        var resources = reader.ManifestResources.Select(r => reader.GetString(reader.GetManifestResource(r).Name)).ToList();
        var types = reader.TypeDefinitions.Select(t => reader.GetString(reader.GetTypeDefinition(t).Name)).ToList();
        var assets = Path.Combine(Packs.RepositoryRoot, "src", "GhStats.Web", "Assets");
        var expected = Directory.GetFiles(assets, "*", SearchOption.AllDirectories)
            .Select(file => "assets/" + Path.GetRelativePath(assets, file).Replace('\\', '/'))
            .Append("assets/chart.umd.min.js");

        resources.Where(r => r.StartsWith("assets/", StringComparison.Ordinal)).ShouldBe(expected, ignoreOrder: true);
        // The English strings are in the assembly, one resource per .resx under Resources/; every other language in its satellite.
        var files = Directory.GetFiles(Path.Combine(Packs.RepositoryRoot, "src", "GhStats.Web", "Resources"), "*.resx", SearchOption.AllDirectories)
            .Select(file => Path.GetFileName(file).Split('.')).ToList();
        var neutral = files.Count(parts => parts.Length == 2);
        resources.Count(r => r.StartsWith("GhStats.Web.Resources.", StringComparison.Ordinal)).ShouldBe(neutral);
        resources.Count.ShouldBe(expected.Count() + neutral, "nothing else is embedded");
        var languages = files.Where(parts => parts.Length == 3).Select(parts => parts[1]).Distinct().ToList();
        languages.Count.ShouldBe(5, "German, French, Spanish, Brazilian Portuguese and Japanese beside English");
        foreach (var language in languages)
        {
            package.GetEntry($"lib/net10.0/{language}/GhStats.Web.resources.dll").ShouldNotBeNull($"the {language} strings");
        }

        types.ShouldContain("OverviewPage");
        package.Entries.ShouldNotContain(e => e.FullName.StartsWith("staticwebassets", StringComparison.Ordinal), "MapGhStats serves the embedded assets");
    }

    [Fact]
    public void Db2Package_ShipsFluentMigratorsDb2Generator_ButNotIbmsDriver()
    {
        using var package = ZipFile.OpenRead(packs.PackagePath("GhStats.Db2"));
        var nuspec = packs.Nuspec("GhStats.Db2");
        var dependencies = nuspec.Descendants(nuspec.Name.Namespace + "dependency").Select(d => d.Attribute("id")!.Value).ToList();

        package.Entries.ShouldContain(e => e.FullName == "lib/net10.0/FluentMigrator.Runner.Db2.dll");
        dependencies.ShouldNotContain(d => d.Contains("IBM", StringComparison.OrdinalIgnoreCase) || d == "FluentMigrator.Runner.Db2");
    }

    [Fact]
    public void Db2Readme_NamesIbmsDriverPackageForEachOperatingSystem()
    {
        var readme = File.ReadAllText(Path.Combine(Packs.RepositoryRoot, "src", "GhStats.Db2", "README.md"));

        readme.ShouldContain("<PackageReference Include=\"Net.IBM.Data.Db2\"");
        readme.ShouldContain("<PackageReference Include=\"Net.IBM.Data.Db2-lnx\"");
        readme.ShouldContain("<PackageReference Include=\"Net.IBM.Data.Db2-osx\"");
        readme.ShouldContain("IBM.Data.DB2.Core");
    }

    private static string Text(XElement metadata, string name) =>
        metadata.Element(metadata.Name.Namespace + name).ShouldNotBeNull($"the nuspec has no <{name}>").Value;

    /// <summary>The packages, packed once for the class: restore, build in the tests' configuration, pack.</summary>
    public sealed class Packs : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("ghstats-packs-").FullName;

        public Packs()
        {
            var projects = Directory.GetDirectories(Path.Combine(RepositoryRoot, "src"))
                .Select(folder => $"src/{Path.GetFileName(folder)}/{Path.GetFileName(folder)}.csproj")
                .Where(project => File.Exists(Path.Combine(RepositoryRoot, project)));
            // A solution filter packs just src/ in one build, as `dotnet pack GhStats.slnx` would.
            var filter = Path.Combine(_folder, "packages.slnf");
            File.WriteAllText(filter, JsonSerializer.Serialize(new { solution = new { path = Path.Combine(RepositoryRoot, "GhStats.slnx"), projects } }));
            Output = Pack(filter, Path.Combine(_folder, "out"));
            Ids = Directory.GetFiles(Path.Combine(_folder, "out"), "*.nupkg")
                .Select(file => Path.GetFileName(file)[..^$".{Version}.nupkg".Length])
                .ToList();
        }

        public static string RepositoryRoot => Metadata("RepositoryRoot");

        public static bool IsGitCheckout => Path.Exists(Path.Combine(RepositoryRoot, ".git"));

        /// <summary>The one version every package carries, from Directory.Build.props.</summary>
        public static string Version => XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Build.props")).Descendants("Version").Single().Value;

        public IReadOnlyList<string> Ids { get; }

        public string Output { get; }

        public string PackagePath(string id) => Path.Combine(_folder, "out", $"{id}.{Version}.nupkg");

        public string SymbolPackagePath(string id) => Path.Combine(_folder, "out", $"{id}.{Version}.snupkg");

        public XElement Nuspec(string id)
        {
            using var package = ZipFile.OpenRead(PackagePath(id));
            using var nuspec = package.GetEntry($"{id}.nuspec").ShouldNotBeNull($"{id} has no nuspec").Open();
            return XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private static string Metadata(string key) => typeof(Packs).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

        private static string Pack(string filter, string output)
        {
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = RepositoryRoot,
            };
            foreach (var argument in new[] { "pack", filter, "-c", Metadata("Configuration"), "-o", output, "--disable-build-servers", "-nologo" })
            {
                info.ArgumentList.Add(argument);
            }

            // The test host runs under MSBuild's environment when started by `dotnet test`; the pack is a build of its own.
            foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                info.Environment.Remove(name);
            }

            using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet pack did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"dotnet pack did not finish within 5 minutes:\n{stdout.Result}");
            }

            var text = stdout.Result + stderr.Result;
            return process.ExitCode == 0 ? text : throw new InvalidOperationException($"dotnet pack failed with {process.ExitCode}:\n{text}");
        }
    }
}
