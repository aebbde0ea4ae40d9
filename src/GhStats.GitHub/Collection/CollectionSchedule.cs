using System.Globalization;
using System.Text.Json;
using Cronos;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.GitHub.Collection;

/// <summary>The optional in-process schedule: triggers a run at each occurrence of <see cref="GitHubCollectorOptions.Schedule"/> (UTC).</summary>
internal sealed partial class CollectionSchedule(
    ICollectionService collection,
    IAuditStore audit,
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
                await RecordAsync(run, stoppingToken).ConfigureAwait(false);
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

    /// <summary>A scheduled run is recorded as the cron and manual ones are, with GhStats itself as the actor.</summary>
    private async Task RecordAsync(CollectionRun run, CancellationToken cancellationToken)
    {
        var status = JsonNamingPolicy.CamelCase.ConvertName(run.Status.ToString());
        var entry = new NewAuditEntry(
            AuditActor.System("schedule"),
            null,
            AuditActions.CollectionStarted,
            new AuditTarget("run", run.Id.ToString(CultureInfo.InvariantCulture), null),
            $"trigger=schedule status={status}");
        try
        {
            await audit.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The run has started; a failed audit write is logged, not taken for a failed start.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogNotAudited(logger, run.Id, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled collection run {RunId} could not be written to the audit log")]
    private static partial void LogNotAudited(ILogger logger, long runId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Next scheduled collection at {Next:u}")]
    private static partial void LogNext(ILogger logger, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled collection started run {RunId}")]
    private static partial void LogTriggered(ILogger logger, long runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled collection could not start")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
