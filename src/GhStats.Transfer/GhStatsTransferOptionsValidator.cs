using Microsoft.Extensions.Options;

namespace GhStats.Transfer;

/// <summary>Checks the transfer settings at start, all at once.</summary>
internal sealed class GhStatsTransferOptionsValidator : IValidateOptions<GhStatsTransferOptions>
{
    private const string Section = "GhStats:Transfer";

    public ValidateOptionsResult Validate(string? name, GhStatsTransferOptions options)
    {
        var failures = new List<string>();
        if (options.MaxUploadBytes < 1L << 20)
        {
            failures.Add($"{Section}:MaxUploadBytes is {options.MaxUploadBytes}; use 1048576 (1 MiB) or more.");
        }

        if (options.TempDirectory is { } directory && (string.IsNullOrWhiteSpace(directory) || !Path.IsPathFullyQualified(directory)))
        {
            failures.Add($"{Section}:TempDirectory '{directory}' must be an absolute path, e.g. /var/tmp/ghstats-transfer.");
        }

        if (options.StaleAfter < TimeSpan.FromSeconds(30) || options.StaleAfter > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:StaleAfter is {options.StaleAfter}; use 00:00:30 to 01:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
