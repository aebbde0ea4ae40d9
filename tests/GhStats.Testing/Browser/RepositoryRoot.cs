namespace GhStats.Testing.Browser;

/// <summary>The checkout's root folder (the one holding GhStats.slnx), found by walking up from the test's output folder.</summary>
internal static class RepositoryRoot
{
    private const string SolutionFile = "GhStats.slnx";

    /// <summary>The root folder; throws saying that <paramref name="purpose"/> needs a checkout when there is none above the output folder.</summary>
    public static string Find(string purpose)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find {SolutionFile} in {AppContext.BaseDirectory} or any folder above it, so {purpose} cannot be found. " +
            "Run the tests from a checkout of the GhStats repository.");
    }
}
