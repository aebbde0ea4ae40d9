using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shouldly;
using Xunit;

namespace GhStats.Host.Tests;

/// <summary>
/// Folders and namespaces agree: a file under src/ or tests/ declares its project's root namespace (RootNamespace, else
/// the project's name) followed by its folders, so a newcomer finds a type where its namespace says. A public type keeps
/// its namespace (users' <c>using</c>s name it): its file moves to the folder that names it instead.
/// </summary>
public sealed partial class SourceLayoutTests
{
    /// <summary>Extension classes live in the namespace of what they extend (STYLE.md), in their project's root folder.</summary>
    private static readonly string[] AnchorNamespaces = ["Microsoft.Extensions.DependencyInjection", "Microsoft.AspNetCore.Builder"];

    /// <summary>
    /// Files that do not agree yet, with the namespace they declare. Each is to be fixed and then taken off this list;
    /// <see cref="EveryAllowedMismatch_StillMismatches"/> fails on an entry that no longer needs to be here.
    /// </summary>
    private static readonly Dictionary<string, string> Allowed = [];

    [Fact]
    public void EverySourceFile_DeclaresTheNamespaceItsFolderNames()
    {
        var mismatches = Mismatches(PackageTests.Packs.RepositoryRoot, "src", "tests")
            .Where(m => !(Allowed.TryGetValue(m.Path, out var allowed) && allowed == m.Declared))
            .Select(m => m.ToString())
            .ToList();

        mismatches.ShouldBeEmpty("move a public type's file to the folder its namespace names; an internal type may change namespace instead");
    }

    [Fact]
    public void EveryAllowedMismatch_StillMismatches()
    {
        var mismatches = Mismatches(PackageTests.Packs.RepositoryRoot, "src", "tests").Select(m => (m.Path, m.Declared)).ToList();

        Allowed.Select(a => (a.Key, a.Value)).Where(a => !mismatches.Contains(a)).ShouldBeEmpty("this file agrees with its folder now: take it off the allow-list");
    }

    [Fact]
    public void TheCheck_FindsFilesWhoseNamespaceIsNotTheirFolders_UnderTheProjectsRootNamespace()
    {
        var root = Directory.CreateTempSubdirectory("ghstats-layout-").FullName;
        try
        {
            Write(root, "src/Acme.Core/Acme.Core.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><RootNamespace>Acme</RootNamespace></PropertyGroup></Project>");
            Write(root, "src/Acme.Core/Thing.cs", "namespace Acme;\n");
            Write(root, "src/Acme.Core/Options/ThingOptions.cs", "namespace Acme;\n");
            Write(root, "src/Acme.Core/Domain/Day.cs", "namespace Acme.Domain\n{\n}\n");
            Write(root, "src/Acme.Core/AcmeServiceCollectionExtensions.cs", "namespace Microsoft.Extensions.DependencyInjection;\n");
            Write(root, "src/Acme.Core/Hosting/AcmeHostExtensions.cs", "namespace Microsoft.Extensions.DependencyInjection;\n");
            Write(root, "src/Acme.Core/obj/Debug/Generated.cs", "namespace Elsewhere;\n");
            Write(root, "src/Acme.Web/Acme.Web.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
            Write(root, "src/Acme.Web/Security/Schemes.cs", "namespace Acme.Web.Security;\n");
            Write(root, "src/Acme.Web/Program.cs", "System.Console.WriteLine();\n");

            Mismatches(root, "src").Select(m => $"{m.Path} {m.Declared}").Order().ShouldBe(
            [
                "src/Acme.Core/Hosting/AcmeHostExtensions.cs Microsoft.Extensions.DependencyInjection",
                "src/Acme.Core/Options/ThingOptions.cs Acme",
                "src/Acme.Web/Program.cs (none)",
            ]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static List<NamespaceMismatch> Mismatches(string repositoryRoot, params string[] folders)
    {
        var mismatches = new List<NamespaceMismatch>();
        foreach (var project in folders.Select(f => Path.Combine(repositoryRoot, f)).Where(Directory.Exists)
                     .SelectMany(f => Directory.EnumerateFiles(f, "*.csproj", SearchOption.AllDirectories)))
        {
            var projectFolder = Path.GetDirectoryName(project)!;
            var rootNamespace = XDocument.Load(project).Descendants("RootNamespace").LastOrDefault()?.Value
                ?? Path.GetFileNameWithoutExtension(project);
            foreach (var file in SourceFiles(projectFolder))
            {
                var folder = Path.GetRelativePath(projectFolder, Path.GetDirectoryName(file)!);
                var expected = folder == "." ? rootNamespace : rootNamespace + "." + folder.Replace(Path.DirectorySeparatorChar, '.');
                var declared = NamespaceDeclaration().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).Distinct().ToList();
                var path = Path.GetRelativePath(repositoryRoot, file).Replace(Path.DirectorySeparatorChar, '/');
                if (declared.Count == 0)
                {
                    mismatches.Add(new NamespaceMismatch(path, "(none)", expected));
                }

                mismatches.AddRange(declared
                    .Where(name => name != expected && !(folder == "." && AnchorNamespaces.Contains(name)))
                    .Select(name => new NamespaceMismatch(path, name, expected)));
            }
        }

        return mismatches;
    }

    /// <summary>A project's own .cs files: not build output, not another project's (a project folder inside it).</summary>
    private static IEnumerable<string> SourceFiles(string projectFolder)
    {
        foreach (var file in Directory.EnumerateFiles(projectFolder, "*.cs"))
        {
            yield return file;
        }

        foreach (var folder in Directory.EnumerateDirectories(projectFolder))
        {
            var name = Path.GetFileName(folder);
            if (name is "bin" or "obj" or "node_modules" || Directory.EnumerateFiles(folder, "*.csproj").Any())
            {
                continue;
            }

            foreach (var file in SourceFiles(folder))
            {
                yield return file;
            }
        }
    }

    private static void Write(string root, string path, string text)
    {
        var file = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    private sealed record NamespaceMismatch(string Path, string Declared, string Expected)
    {
        public override string ToString() => $"{Path} declares {Declared}, its folder names {Expected}";
    }
}
