using Microsoft.Extensions.Options;

namespace GhStats;

/// <summary>Checks the allowed GitHub API hosts at start, all at once.</summary>
internal sealed class GitHubApiOptionsValidator : IValidateOptions<GitHubApiOptions>
{
    public ValidateOptionsResult Validate(string? name, GitHubApiOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.AllowedHosts.Count; i++)
        {
            var entry = options.AllowedHosts[i];
            if (entry is null || GitHubApiHostPolicy.Parse(entry.Host) is null)
            {
                failures.Add($"GhStats:GitHub:AllowedHosts:{i}:Host '{entry?.Host}' is not a host name with an optional port, such as github.example.com or github.example.com:8443 (no scheme, no path).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
