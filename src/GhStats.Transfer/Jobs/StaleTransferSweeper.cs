using GhStats.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.Transfer.Jobs;

/// <summary>
/// On every replica: fails the jobs whose heartbeat stopped for <see cref="GhStatsTransferOptions.StaleAfter"/> (and
/// queued jobs older than that): the process running them stopped. Looks every quarter of that time.
/// </summary>
internal sealed partial class StaleTransferSweeper(
    ITransferJobStore jobs,
    IOptions<GhStatsTransferOptions> options,
    TimeProvider clock,
    ILogger<StaleTransferSweeper> logger) : BackgroundService
{
    /// <summary>Fails the stale jobs once.</summary>
    /// <returns>How many were failed.</returns>
    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var failed = await jobs.FailStaleAsync(clock.GetUtcNow() - options.Value.StaleAfter, TransferJobRunner.StoppedMessage, cancellationToken).ConfigureAwait(false);
        if (failed > 0)
        {
            LogFailedStale(logger, failed, options.Value.StaleAfter);
        }

        return failed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(options.Value.StaleAfter / 4, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A store that is briefly unreachable must not end the sweep for the life of the process.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogSweepFailed(logger, e);
                try
                {
                    await Task.Delay(options.Value.StaleAfter / 4, clock, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(EventId = 9140, Level = LogLevel.Warning, Message = "Failed {Count} transfer jobs whose heartbeat stopped for {StaleAfter}: the process running them stopped")]
    private static partial void LogFailedStale(ILogger logger, int count, TimeSpan staleAfter);

    [LoggerMessage(EventId = 9141, Level = LogLevel.Warning, Message = "The sweep for stale transfer jobs failed; it tries again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
