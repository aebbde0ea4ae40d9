using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace GhStats.Testing.Postgres;

/// <summary>Runs a command to completion with its arguments passed verbatim and its stdout and stderr captured together.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs <paramref name="fileName"/> and returns its result; throws only when it cannot be started, times out or is cancelled.</summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string? workingDirectory,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var commandLine = Render(fileName, arguments);
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // English, locale-independent messages, and no warnings about locales the machine lacks.
        startInfo.Environment["LC_ALL"] = "C";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;

        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not run `{commandLine}`: {ex.Message}", ex);
        }

        // Nothing we run reads input; closing it keeps a stray prompt from hanging the test run.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillQuietly(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException(
                $"`{commandLine}` did not finish within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s and was killed. Output so far (last lines):{Environment.NewLine}{TextTail.Of(Snapshot(output))}");
        }

        return new ProcessResult(commandLine, process.ExitCode, Snapshot(output));
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (Win32Exception)
        {
            // Could not be killed; the timeout error that follows says enough.
        }
    }

    private static string Render(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { fileName }.Concat(arguments).Select(Quote));

    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@+%".Contains(c, StringComparison.Ordinal))
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
