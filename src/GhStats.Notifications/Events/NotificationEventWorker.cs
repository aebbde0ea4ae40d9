using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GhStats.Notifications.Events;

/// <summary>Runs <see cref="NotificationEventEvaluator"/> at start and then every <see cref="Interval"/>.</summary>
internal sealed partial class NotificationEventWorker(
    NotificationEventEvaluator evaluator,
    TimeProvider clock,
    ILogger<NotificationEventWorker> logger) : BackgroundService
{
    /// <summary>How often events are evaluated: spikes and trouble show within a minute of the collection that revealed them.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await evaluator.EvaluateAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // An evaluation that failed (the database was away) is tried again at the next tick.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluating notification events failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
