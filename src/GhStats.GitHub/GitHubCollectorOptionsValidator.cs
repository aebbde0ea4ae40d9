using Cronos;
using Microsoft.Extensions.Options;

namespace GhStats.GitHub;

/// <summary>Checks collector settings at start, all at once.</summary>
internal sealed class GitHubCollectorOptionsValidator : IValidateOptions<GitHubCollectorOptions>
{
    public ValidateOptionsResult Validate(string? name, GitHubCollectorOptions options)
    {
        var failures = new List<string>();
        if (options.MaxConcurrency is < 1 or > 100)
        {
            failures.Add($"GhStats:Collector:MaxConcurrency is {options.MaxConcurrency}; use 1 to 100 (GitHub allows at most 100 concurrent requests).");
        }

        if (options.LaneConcurrency is < 1 or > 100)
        {
            failures.Add($"GhStats:Collector:LaneConcurrency is {options.LaneConcurrency}; use 1 to 100 (repositories of one connection collected at once).");
        }

        if (options.RequestsPerMinute is < 1 or > 900)
        {
            failures.Add($"GhStats:Collector:RequestsPerMinute is {options.RequestsPerMinute}; use 1 to 900 (GitHub's secondary limit).");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"GhStats:Collector:MaxRetries is {options.MaxRetries}; use 0 to 10.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add("GhStats:Collector:RetryBaseDelay must be between 00:00:00 and 00:01:00.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.LeaseDuration < TimeSpan.FromSeconds(10) || options.ProgressInterval <= TimeSpan.Zero
            || options.MaxRateLimitWait < TimeSpan.Zero)
        {
            failures.Add("GhStats:Collector:RequestTimeout and ProgressInterval must be positive, MaxRateLimitWait not negative, and LeaseDuration at least 00:00:10.");
        }

        if (options.LaneTurn < TimeSpan.Zero)
        {
            failures.Add($"GhStats:Collector:LaneTurn is {options.LaneTurn}; use 00:00:00 (lanes are held until done) or more.");
        }

        if (options.MaxRateLimitWait > TimeSpan.FromHours(2))
        {
            failures.Add($"GhStats:Collector:MaxRateLimitWait is {options.MaxRateLimitWait}; use at most 02:00:00.");
        }

        if (options.MaxPagesPerListing is < 1 or > 10_000)
        {
            failures.Add($"GhStats:Collector:MaxPagesPerListing is {options.MaxPagesPerListing}; use 1 to 10000.");
        }

        if (options.StarBackfillPagesPerRun is < 0 or > 400)
        {
            failures.Add($"GhStats:Collector:StarBackfillPagesPerRun is {options.StarBackfillPagesPerRun}; use 0 (off) to 400 (GitHub lists at most 400 pages of stargazers).");
        }

        if (options.GraphQLBatchSize is < 0 or > Client.GitHubGraphQLCounters.MaxBatch)
        {
            failures.Add($"GhStats:Collector:GraphQLBatchSize is {options.GraphQLBatchSize}; use 0 (off: REST per repository) to 100 (GitHub's node limit per connection page).");
        }

        if (options.MaxResponseBytes is < 64 * 1024 or > int.MaxValue)
        {
            failures.Add($"GhStats:Collector:MaxResponseBytes is {options.MaxResponseBytes}; use 65536 (64 KB) to 2147483647.");
        }

        if (options.QueuePollInterval < TimeSpan.Zero || options.QueuePollInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"GhStats:Collector:QueuePollInterval is {options.QueuePollInterval}; use 00:00:00 (off) to 01:00:00.");
        }

        if (!string.IsNullOrWhiteSpace(options.Schedule))
        {
            try
            {
                Collection.CronSchedule.Parse(options.Schedule);
            }
            catch (CronFormatException exception)
            {
                failures.Add($"GhStats:Collector:Schedule '{options.Schedule}' is not a cron expression ({exception.Message}); e.g. \"0 3 * * *\" for 03:00 UTC daily.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
