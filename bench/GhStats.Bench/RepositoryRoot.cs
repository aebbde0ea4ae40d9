namespace GhStats.Bench;

/// <summary>Finds the checkout the benchmark runs from, so results land in bench/results whatever the working folder.</summary>
internal static class RepositoryRoot
{
    /// <summary>The nearest folder above the working folder (or the binaries) that holds GhStats.slnx; else the working folder.</summary>
    /// <returns>The folder.</returns>
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "GhStats.slnx")))
                {
                    return folder.FullName;
                }
            }
        }

        return Environment.CurrentDirectory;
    }
}
