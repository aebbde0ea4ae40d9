using System.Runtime.CompilerServices;

namespace GhStats.Db2.Tests;

/// <summary>
/// Compares text with a file under Golden/. A deliberate change is one command: GHSTATS_UPDATE_GOLDEN=1 dotnet test
/// tests/GhStats.Db2.Tests rewrites the files in the source tree, and git diff shows what changed.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "GHSTATS_UPDATE_GOLDEN";

    public static void Verify(string name, string actual)
    {
        actual = Normalise(actual);
        var sourcePath = Path.Combine(SourceDirectory(), "Golden", name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(sourcePath, actual);
            return;
        }

        var outputPath = Path.Combine(AppContext.BaseDirectory, "Golden", name);
        var expected = File.Exists(outputPath) ? Normalise(File.ReadAllText(outputPath)) : null;
        if (expected == actual)
        {
            return;
        }

        // The rendered text sits beside the copy in bin/, so any diff tool can compare the two files.
        var actualPath = outputPath + ".actual";
        Directory.CreateDirectory(Path.GetDirectoryName(actualPath)!);
        File.WriteAllText(actualPath, actual);
        throw new Xunit.Sdk.XunitException(
            (expected is null ? $"Golden file {name} does not exist yet." : FirstDifference(expected, actual)) + "\n" +
            $"Compare: diff {sourcePath} {actualPath}\n" +
            $"If the change is deliberate: {UpdateVariable}=1 dotnet test tests/GhStats.Db2.Tests, then review git diff tests/GhStats.Db2.Tests/Golden.");
    }

    private static string Normalise(string text) => text.ReplaceLineEndings("\n");

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (e != a)
            {
                return $"The SQL differs from the golden file at line {i + 1}:\n- expected: {e}\n+ actual:   {a}";
            }
        }

        return "The SQL differs from the golden file.";
    }

    // The compiler records this file's path, so the golden files are found in the source tree wherever the tests run from.
    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
