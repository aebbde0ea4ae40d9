using Cronos;
using GhStats.Domain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.GitHub.Collection;

/// <summary>The optional in-process schedule: triggers a run at each occurrence of <see cref="GitHubCollectorOptions.Schedule"/> (UTC).</summary>
internal sealed partial class CollectionSchedule(
    ICollectionService collection,
    IOptions<GitHubCollectorOptions> options,
    TimeProvider clock,
    ILogger<CollectionSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Schedule))
        {
            return;
        }

        var schedule = CronSchedule.Parse(options.Value.Schedule);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            if (schedule.GetNextOccurrence(now, TimeZoneInfo.Utc) is not { } next)
            {
                return;
            }

            LogNext(logger, next);
            await Task.Delay(next - now, clock, stoppingToken).ConfigureAwait(false);
            try
            {
                var run = await collection.StartAsync(new CollectionRequest(CollectionTrigger.Schedule, "schedule"), stoppingToken).ConfigureAwait(false);
                LogTriggered(logger, run.Id);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A schedule that failed once tries again at its next occurrence.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Next scheduled collection at {Next:u}")]
    private static partial void LogNext(ILogger logger, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled collection started run {RunId}")]
    private static partial void LogTriggered(ILogger logger, long runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled collection could not start")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
