using GhStats.Client.Models;
using Refit;

namespace GhStats.Client;

/// <summary>Starting collection runs and reading the collection log (system maintainers and admins).</summary>
public interface IGhStatsRuns
{
    /// <summary>Starts a collection run; while one runs, answers that run instead of starting another.</summary>
    /// <param name="request">The one tenant to collect; null collects every tenant.</param>
    /// <param name="wait">
    /// Seconds the server waits for the run to end before it answers (up to its <c>GhStats:Cron:MaxWait</c>); null or 0
    /// answers at once. Give the client a timeout longer than the wait.
    /// </param>
    /// <param name="cancellationToken">Cancels the call (not the run).</param>
    /// <returns>The run: ended when it finished within <paramref name="wait"/>, else <c>running</c> or <c>queued</c> (poll <see cref="GetRunAsync"/>).</returns>
    [Post("/api/v1/collect")]
    Task<CollectionRun> CollectAsync([Body] CollectRequest request, [Query] int? wait = null, CancellationToken cancellationToken = default);

    /// <summary>The most recent runs, newest first, without their errors.</summary>
    /// <param name="limit">How many, 1 to 200; null for 50.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The runs.</returns>
    [Get("/api/v1/runs")]
    Task<IReadOnlyList<CollectionRun>> ListRunsAsync([Query] int? limit = null, CancellationToken cancellationToken = default);

    /// <summary>One run with each failed repository's error.</summary>
    /// <param name="id">The run's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run.</returns>
    [Get("/api/v1/runs/{id}")]
    Task<CollectionRun> GetRunAsync(long id, CancellationToken cancellationToken = default);
}
