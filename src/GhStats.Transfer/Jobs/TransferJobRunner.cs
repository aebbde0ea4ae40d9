using GhStats.Domain;
using GhStats.Stores;
using GhStats.Transfer.Archive;
using GhStats.Transfer.Import;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GhStats.Transfer.Jobs;

/// <summary>
/// Runs the jobs this process stored, one at a time, in order. A job is started (running) as soon as it is taken from
/// the queue, so its heartbeat moves while it waits for the one before it; its progress is written whenever the
/// importer or restorer tells it, and at least every <see cref="HeartbeatInterval"/>. When the store says the job is no
/// longer running (a replica failed it as stale), the work stops. The job's folder is deleted when it ends, and the
/// folders stopped processes left behind are deleted at start-up (<see cref="TransferWorkspace"/>).
/// </summary>
internal sealed partial class TransferJobRunner(
    TransferJobQueue queue,
    ITransferJobStore jobs,
    TransferWorkspace workspace,
    TimeProvider clock,
    ILogger<TransferJobRunner> logger) : BackgroundService
{
    /// <summary>The longest a running job goes without writing its progress.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(1);

    /// <summary>The error of a job whose process stopped before it ended.</summary>
    public const string StoppedMessage = "The server running this job stopped. Repositories written before that stay; run it again to complete it (it changes nothing already imported).";

    private static readonly TransferJobProgress Waiting = new("waiting for the transfer before it", 0, 0);

    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly List<Task> running = [];
    private readonly Lock gate = new();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // At start-up: this process's folder, and the uploads of processes that stopped deleted.
        _ = workspace.Folder;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Close();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        Task[] left;
        lock (gate)
        {
            left = [.. running];
        }

        await Task.WhenAll(left).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        turn.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                var task = RunAsync(job, stoppingToken);
                lock (gate)
                {
                    running.RemoveAll(t => t.IsCompleted);
                    running.Add(task);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Jobs still queued when the app stops end now, rather than wait for a replica's sweep.
        while (queue.Reader.TryRead(out var left))
        {
            await EndAsync(left, TransferJobState.Failed, null, StoppedMessage).ConfigureAwait(false);
            workspace.Delete(left.Folder);
        }
    }

    /// <summary>Runs one job to its end; never throws.</summary>
    internal async Task RunAsync(QueuedTransfer job, CancellationToken stoppingToken)
    {
        var id = job.Job.Id;
        try
        {
            if (await jobs.StartAsync(id, CancellationToken.None).ConfigureAwait(false) is null)
            {
                // Failed meanwhile (a replica found it stale): nothing to run.
                LogNotQueued(logger, id);
                return;
            }

            using var progress = new JobProgress(Waiting);
            using var work = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            using var beating = new CancellationTokenSource();
            var heartbeat = HeartbeatAsync(id, progress, work, beating.Token);
            string? report = null;
            Exception? failure = null;
            try
            {
                await turn.WaitAsync(work.Token).ConfigureAwait(false);
                try
                {
                    LogStarted(logger, id, job.Job.Kind, job.Job.Source, job.Job.DryRun);
                    report = await job.RunAsync(progress, work.Token).ConfigureAwait(false);
                }
                finally
                {
                    turn.Release();
                }
            }
#pragma warning disable CA1031 // Every failure of the work ends the job as failed, with a message fit for the job's page.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }

            // The upload goes before the job is seen ended.
            workspace.Delete(job.Folder);
            await beating.CancelAsync().ConfigureAwait(false);
            var alive = await heartbeat.ConfigureAwait(false);
            if (!alive || (failure is OperationCanceledException && !stoppingToken.IsCancellationRequested))
            {
                // Another replica failed it (its heartbeat looked stopped): the job's row already says so.
                LogAbandoned(logger, id);
                return;
            }

            if (failure is null)
            {
                // The last progress (all done) is written before the job ends.
                await jobs.ReportProgressAsync(id, progress.Current, CancellationToken.None).ConfigureAwait(false);
                await EndAsync(job, TransferJobState.Succeeded, report, null).ConfigureAwait(false);
                LogSucceeded(logger, id);
                return;
            }

            await EndAsync(job, TransferJobState.Failed, null, FailureMessage(job, failure, stoppingToken)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A store that cannot be reached must not stop the runner: the sweep fails the job later.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogStoreFailed(logger, id, e);
        }
        finally
        {
            workspace.Delete(job.Folder);
        }
    }

    /// <summary>Writes the progress on every report and at least every interval, until the work ends or the store says stop.</summary>
    /// <returns>Whether the job is still running in the store.</returns>
    private async Task<bool> HeartbeatAsync(long id, JobProgress progress, CancellationTokenSource work, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await progress.WaitAsync(HeartbeatInterval, clock, stop).ConfigureAwait(false);
                if (!await jobs.ReportProgressAsync(id, progress.Current, CancellationToken.None).ConfigureAwait(false))
                {
                    await work.CancelAsync().ConfigureAwait(false);
                    return false;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // A missed heartbeat is retried at the next one; the sweep only acts after minutes.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogHeartbeatFailed(logger, id, e);
            }
        }

        return true;
    }

    private string FailureMessage(QueuedTransfer job, Exception failure, CancellationToken stoppingToken)
    {
        switch (failure)
        {
            case OperationCanceledException when stoppingToken.IsCancellationRequested:
                return StoppedMessage;
            case ImportFormatException or ArchiveFormatException or TransferRequestException:
                LogRefused(logger, job.Job.Id, failure.Message);
                return WithoutFolder(failure.Message, job.Folder);
            default:
                LogFailed(logger, job.Job.Id, failure);
                var what = job.Job.Kind == TransferJobKind.Import ? "import" : "restore";
                return $"The {what} stopped on an unexpected error (the server's log has it, job {job.Job.Id}). Repositories written before that stay; run it again to complete it (it changes nothing already written).";
        }
    }

    /// <summary>A reader's message names files by the job's folder; the user knows them by the upload.</summary>
    private static string WithoutFolder(string message, string folder)
    {
        var separator = Path.DirectorySeparatorChar;
        return message
            .Replace($"{folder}{separator}{ImportUpload.UnpackedFolder}{separator}", "", StringComparison.Ordinal)
            .Replace($"{folder}{separator}{ImportUpload.UnpackedFolder}", "the upload", StringComparison.Ordinal)
            .Replace($"{folder}{separator}", "", StringComparison.Ordinal)
            .Replace(folder, "the upload", StringComparison.Ordinal);
    }

    private async Task EndAsync(QueuedTransfer job, TransferJobState state, string? report, string? failure)
    {
        try
        {
            await jobs.FinishAsync(job.Job.Id, state, report, failure, CancellationToken.None).ConfigureAwait(false);
        }
        catch (GhStatsNotFoundException)
        {
            // Its tenant was deleted, and its jobs with it.
        }
    }

    [LoggerMessage(EventId = 9130, Level = LogLevel.Information, Message = "Transfer job {JobId} started: {Kind} from {Source} (dry run: {DryRun})")]
    private static partial void LogStarted(ILogger logger, long jobId, TransferJobKind kind, string source, bool dryRun);

    [LoggerMessage(EventId = 9131, Level = LogLevel.Information, Message = "Transfer job {JobId} succeeded")]
    private static partial void LogSucceeded(ILogger logger, long jobId);

    [LoggerMessage(EventId = 9132, Level = LogLevel.Information, Message = "Transfer job {JobId} refused its file: {Reason}")]
    private static partial void LogRefused(ILogger logger, long jobId, string reason);

    [LoggerMessage(EventId = 9133, Level = LogLevel.Error, Message = "Transfer job {JobId} failed")]
    private static partial void LogFailed(ILogger logger, long jobId, Exception exception);

    [LoggerMessage(EventId = 9134, Level = LogLevel.Warning, Message = "Transfer job {JobId} was no longer queued when its turn came; not run")]
    private static partial void LogNotQueued(ILogger logger, long jobId);

    [LoggerMessage(EventId = 9135, Level = LogLevel.Warning, Message = "Transfer job {JobId} was failed by another replica (its heartbeat looked stopped); its work stopped")]
    private static partial void LogAbandoned(ILogger logger, long jobId);

    [LoggerMessage(EventId = 9136, Level = LogLevel.Warning, Message = "Transfer job {JobId}: its progress could not be written")]
    private static partial void LogHeartbeatFailed(ILogger logger, long jobId, Exception exception);

    [LoggerMessage(EventId = 9137, Level = LogLevel.Error, Message = "Transfer job {JobId}: the job store failed; a replica's sweep fails the job once its heartbeat is stale")]
    private static partial void LogStoreFailed(ILogger logger, long jobId, Exception exception);
}
