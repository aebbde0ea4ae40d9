using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.GitHub.Collection;

/// <summary>
/// Every <see cref="GitHubCollectorOptions.QueuePollInterval"/>, joins a running run that has a lane to take (pending, or
/// under a claim that lapsed because its holder died), so every collector replica helps with a run whoever started it;
/// and starts the runs that web replicas without a collector queued (<c>GhStats:Cron:QueueForWorker</c>): the oldest
/// queued run, under the collection lease. A run already going here or elsewhere leaves the queued one waiting for the next look.
/// </summary>
internal sealed partial class QueuedRunStarter(
    CollectionService collection,
    ICollectionRunStore runs,
    IOptions<GitHubCollectorOptions> options,
    TimeProvider clock,
    ILogger<QueuedRunStarter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.QueuePollInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await StartOldestAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A look that failed (the database was away) is tried again at the next tick.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task StartOldestAsync(CancellationToken cancellationToken)
    {
        foreach (var running in await runs.ListRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await collection.JoinIfClaimableAsync(running, cancellationToken).ConfigureAwait(false))
            {
                LogJoined(logger, running.Id);
                break;
            }
        }

        var queued = await runs.ListQueuedAsync(cancellationToken).ConfigureAwait(false);
        if (queued.Count == 0)
        {
            return;
        }

        var oldest = queued[0];
        var run = await collection.StartQueuedAsync(oldest, cancellationToken).ConfigureAwait(false);
        if (run is { Status: CollectionRunStatus.Running } && run.Id == oldest.Id)
        {
            LogStarted(logger, run.Id, run.Trigger, run.RequestedBy);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started queued collection run {RunId} ({Trigger}, asked by {RequestedBy})")]
    private static partial void LogStarted(ILogger logger, long runId, CollectionTrigger trigger, string? requestedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Joined collection run {RunId}, which has lanes to collect")]
    private static partial void LogJoined(ILogger logger, long runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for queued collection runs failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
