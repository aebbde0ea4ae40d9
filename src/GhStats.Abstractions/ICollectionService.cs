using GhStats.Domain;

namespace GhStats;

/// <summary>Starts collection runs and reports their progress; implemented by the GitHub collector, called by the web module and schedules.</summary>
public interface ICollectionService
{
    /// <summary>Starts a run in the background, or returns the run already going in any process that shares the database.</summary>
    /// <param name="request">Who asks, and for which tenants.</param>
    /// <param name="cancellationToken">Cancels starting; a started run goes on.</param>
    /// <returns>The run (status Running), new or already going.</returns>
    /// <exception cref="CollectionBusyException">Another process holds the collection lease but shows no running run; try again after the lease expires.</exception>
    Task<CollectionRun> StartAsync(CollectionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a run's progress.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The run, or null.</returns>
    Task<CollectionRun?> GetAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>Waits for a run this process started to end; returns at once for a run it does not run.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="cancellationToken">Stops waiting (the run goes on).</param>
    /// <returns>The run as it ended, or as it stands when this process does not run it.</returns>
    Task<CollectionRun?> WaitAsync(long runId, CancellationToken cancellationToken = default);
}
