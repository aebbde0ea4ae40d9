using System.Diagnostics;
using System.Text;

namespace GhStats.Templates.Tests;

/// <summary>Runs the dotnet CLI (pack, new, build) as a child process and reports its output when it fails.</summary>
internal static class DotnetCli
{
    /// <summary>Runs <c>dotnet {arguments}</c> in <paramref name="workingDirectory"/>; throws with the output unless it exits 0.</summary>
    public static async Task<string> RunAsync(
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout)
    {
        using var process = new Process { StartInfo = StartInfo(arguments, workingDirectory, environment) };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"'dotnet {string.Join(' ', process.StartInfo.ArgumentList)}' did not finish within {timeout}:\n{Text(output)}");
        }

        return process.ExitCode == 0
            ? Text(output)
            : throw new InvalidOperationException(
                $"'dotnet {string.Join(' ', process.StartInfo.ArgumentList)}' in {workingDirectory} exited with {process.ExitCode}:\n{Text(output)}");
    }

    /// <summary>
    /// A dotnet child process with a clean MSBuild environment: `dotnet test` leaves MSBuild variables behind that
    /// would make a nested build use the test run's MSBuild settings instead of its own.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in info.Environment.Keys.Where(name => name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("_MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
