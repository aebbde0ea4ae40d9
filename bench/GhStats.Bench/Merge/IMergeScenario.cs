namespace GhStats.Bench.Merge;

/// <summary>One way of writing the benchmark's rows; each run starts on a fresh database and checks what it stored.</summary>
internal interface IMergeScenario
{
    /// <summary>Whether the scenario applies to a store (COPY is PostgreSQL's).</summary>
    /// <param name="store">The store.</param>
    /// <returns>True to run it.</returns>
    bool RunsOn(StoreUnderTest store);

    /// <summary>Creates a fresh database, times the writes, and verifies the stored rows.</summary>
    /// <param name="store">The store.</param>
    /// <param name="data">The rows.</param>
    /// <returns>One measurement per timed phase.</returns>
    /// <exception cref="InvalidOperationException">When the database does not hold what was written.</exception>
    Task<IReadOnlyList<Measurement>> RunAsync(StoreUnderTest store, TrafficData data);
}
