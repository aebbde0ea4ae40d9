using System.Globalization;
using System.Text.Json;

namespace GhStats.Bench.Queries;

/// <summary>The driver's side of the load process: starts `web-load` as a child, waits, and reads its one JSON line.</summary>
internal static class LoadProcess
{
    /// <summary>Runs one load and returns what it measured.</summary>
    /// <param name="options">What to drive; <see cref="LoadOptions.Json"/> is forced on.</param>
    /// <param name="token">The Bearer token, passed in the environment; null for none.</param>
    /// <returns>The result.</returns>
    public static async Task<LoadResult> RunAsync(LoadOptions options, string? token)
    {
        List<string> args =
        [
            "web-load", "--url", options.Url.ToString(),
            "--connections", options.Connections.ToString(CultureInfo.InvariantCulture),
            "--warmup", options.Warmup.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "--duration", options.Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "--json", "true",
        ];
        if (options.ExpectedSha256 is { } sha)
        {
            args.AddRange(["--expect-sha256", sha]);
        }

        if (options.SampleUrl is { } sample)
        {
            args.AddRange(["--sample-url", sample.ToString()]);
        }

        var start = ChildProcess.For(args);
        if (token is not null)
        {
            start.Environment[LoadOptions.TokenVariable] = token;
        }
        else
        {
            start.Environment.Remove(LoadOptions.TokenVariable);
        }

        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("The load process did not start.");
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The load process against {options.Url} exited with {process.ExitCode}; see its errors above.");
        }

        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return (line is null ? null : JsonSerializer.Deserialize<LoadResult>(line, BenchJson.Options))
            ?? throw new InvalidOperationException($"The load process printed '{output}' instead of its result.");
    }
}
