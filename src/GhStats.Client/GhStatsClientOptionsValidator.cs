using Microsoft.Extensions.Options;

namespace GhStats.Client;

/// <summary>Checks <see cref="GhStatsClientOptions"/>, naming every problem at once and never echoing the token.</summary>
internal sealed class GhStatsClientOptionsValidator : IValidateOptions<GhStatsClientOptions>
{
    internal const string TokenPrefix = "ghst_";

    public ValidateOptionsResult Validate(string? name, GhStatsClientOptions options)
    {
        var failures = Problems(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static IEnumerable<string> Problems(GhStatsClientOptions options)
    {
        if (options.BaseAddress is null)
        {
            yield return "GhStatsClientOptions.BaseAddress is missing: set it to the server's address, e.g. http://127.0.0.1:5080/ (with the path GhStats is mapped under, if any).";
        }
        else if (!options.BaseAddress.IsAbsoluteUri || options.BaseAddress.Scheme is not ("http" or "https"))
        {
            yield return $"GhStatsClientOptions.BaseAddress must be an absolute http or https address such as http://127.0.0.1:5080/, not '{options.BaseAddress.OriginalString}'.";
        }
        else if (!string.IsNullOrEmpty(options.BaseAddress.Query) || !string.IsNullOrEmpty(options.BaseAddress.Fragment) || !string.IsNullOrEmpty(options.BaseAddress.UserInfo))
        {
            yield return "GhStatsClientOptions.BaseAddress must be the server's address alone, without user info, query or fragment.";
        }

        if (string.IsNullOrWhiteSpace(options.Token))
        {
            yield return "GhStatsClientOptions.Token is missing: set it to a personal API token (ghst_...), made with the host's 'token create --email <email>' command or in the app.";
        }
        else if (!options.Token.StartsWith(TokenPrefix, StringComparison.Ordinal) || options.Token.AsSpan().IndexOfAny(" \t\r\n") >= 0)
        {
            // The value itself stays out of the message: it may be a real secret pasted in the wrong place.
            yield return "GhStatsClientOptions.Token is not a GhStats personal API token: those start with 'ghst_' and hold no spaces.";
        }

        if (options.Timeout != Timeout.InfiniteTimeSpan && (options.Timeout <= TimeSpan.Zero || options.Timeout > GhStatsClientOptions.MaxTimeout))
        {
            yield return $"GhStatsClientOptions.Timeout must be positive and at most {GhStatsClientOptions.MaxTimeout.TotalMinutes:0} minutes (or Timeout.InfiniteTimeSpan to turn it off), not {options.Timeout}.";
        }
    }
}
