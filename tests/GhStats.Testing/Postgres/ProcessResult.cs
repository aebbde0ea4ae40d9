namespace GhStats.Testing.Postgres;

/// <summary>What a finished child process did: the command that ran, its exit code and its combined output.</summary>
internal sealed record ProcessResult(string CommandLine, int ExitCode, string Output)
{
    /// <summary>True when the process exited with code 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>A one-paragraph account for error messages: command, exit code, last lines of output.</summary>
    public string Describe() =>
        $"`{CommandLine}` exited with code {ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)}. Output (last lines):{Environment.NewLine}{TextTail.Of(Output)}";
}
