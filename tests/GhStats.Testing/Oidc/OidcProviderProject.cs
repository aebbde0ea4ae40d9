namespace GhStats.Testing.Oidc;

/// <summary>
/// Where the node program behind <see cref="OidcProvider"/> lives (tests/GhStats.Testing/Oidc/provider in the
/// repository) and which <c>node</c> runs it; fails with the command that fixes a missing piece.
/// </summary>
internal sealed class OidcProviderProject
{
    private const string SolutionFile = "GhStats.slnx";
    private const string ScriptName = "server.mjs";
    private static readonly string[] RelativeDirectory = ["tests", "GhStats.Testing", "Oidc", "provider"];

    private OidcProviderProject(string directory, string node)
    {
        Directory = directory;
        ServerScript = Path.Combine(directory, ScriptName);
        Node = node;
    }

    /// <summary>The node project folder: package.json, package-lock.json, server.mjs and node_modules.</summary>
    public string Directory { get; }

    /// <summary>Full path of the provider's script.</summary>
    public string ServerScript { get; }

    /// <summary>Full path of the <c>node</c> executable found on PATH.</summary>
    public string Node { get; }

    /// <summary>
    /// Walks up from the test's output folder to the folder holding GhStats.slnx, then checks that the provider's
    /// packages are installed and that <c>node</c> is on PATH. Throws <see cref="InvalidOperationException"/> saying what to run.
    /// </summary>
    public static OidcProviderProject Locate()
    {
        var root = RepositoryRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException(
                $"Could not find {SolutionFile} in {AppContext.BaseDirectory} or any folder above it, so the OpenID Connect test provider " +
                $"({string.Join('/', RelativeDirectory)}) cannot be found. Run the tests from a checkout of the GhStats repository.");
        var directory = Path.Combine([root, .. RelativeDirectory]);
        if (!File.Exists(Path.Combine(directory, ScriptName)))
        {
            throw new InvalidOperationException($"The OpenID Connect test provider's script {Path.Combine(directory, ScriptName)} is missing from this checkout.");
        }

        var node = FindOnPath("node")
            ?? throw new InvalidOperationException(
                "Node.js (`node`) was not found on PATH; the OpenID Connect test provider is a node program (oidc-provider). " +
                $"Run ./test.sh, which installs Node.js and the provider's packages, or install Node.js 20.19 or later and run `npm ci` in {directory}.");

        if (!File.Exists(Path.Combine(directory, "node_modules", "oidc-provider", "package.json")))
        {
            throw new InvalidOperationException(
                $"The OpenID Connect test provider's npm packages are not installed ({Path.Combine(directory, "node_modules")} has no oidc-provider). " +
                $"Run ./test.sh, which installs them, or run `npm ci` in {directory}.");
        }

        return new OidcProviderProject(directory, node);
    }

    private static string? RepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static string? FindOnPath(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var names = OperatingSystem.IsWindows() ? [program + ".exe", program + ".cmd"] : new[] { program };
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }
}
