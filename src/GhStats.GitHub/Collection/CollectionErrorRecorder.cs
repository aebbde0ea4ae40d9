using GhStats.Diagnostics;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.Logging;

namespace GhStats.GitHub.Collection;

/// <summary>Writes what went wrong in a run to the collection log: a failed repository (counted, and its status set) or an error of the run itself.</summary>
/// <remarks>It logs under <see cref="CollectionJob"/>'s category, as the split parts of a run all do, so log filters set for runs keep working.</remarks>
internal sealed partial class CollectionErrorRecorder(
    ICollectionRunStore runs,
    IRepositoryStore repositories,
    TimeProvider clock,
    GhStatsMetrics metrics,
    ILogger<CollectionJob> logger)
{
    /// <summary>Counts <paramref name="repository"/> as failed in its run, and records why on the run and on the repository.</summary>
    public async Task RepositoryFailedAsync(long runId, TrackedRepository repository, RunCounters counters, CollectionErrorKind kind, string message)
    {
        counters.Failure();
        metrics.RepositoryFailed(kind);
        LogRepositoryFailed(logger, repository.FullName, kind, message);

        // Failures are written even when the run is being cancelled: they are what the log is for.
        await runs.AddErrorAsync(new CollectionError(runId, repository.Id, kind, message, clock.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        await repositories.RecordCollectionAsync(repository.Id, kind.ToString(), cancellationToken: CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Records an error of the run that belongs to no one repository.</summary>
    public async Task RunErrorAsync(long runId, string message, CollectionErrorKind kind = CollectionErrorKind.Unknown) =>
        await runs.AddErrorAsync(new CollectionError(runId, null, kind, message, clock.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Repository {Repository} failed: {Kind}: {Message}")]
    private static partial void LogRepositoryFailed(ILogger logger, string repository, CollectionErrorKind kind, string message);
}
