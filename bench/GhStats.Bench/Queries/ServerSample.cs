namespace GhStats.Bench.Queries;

/// <summary>
/// The server process's memory and work at one moment: the highest values sampled since the last reset, and counters that
/// only grow, so two samples give what a load window cost.
/// </summary>
/// <param name="MaxWorkingSetBytes">Highest resident set sampled since the last reset (every 50 ms).</param>
/// <param name="MaxGcHeapBytes">Highest managed heap in use sampled since the last reset (GC.GetTotalMemory without a collection).</param>
/// <param name="MaxGcCommittedBytes">Highest memory the GC had committed, sampled since the last reset.</param>
/// <param name="PeakWorkingSetBytes">The process's peak resident set since it started (VmHWM).</param>
/// <param name="WorkingSetBytes">Resident set now.</param>
/// <param name="AllocatedBytes">Managed bytes allocated since the process started.</param>
/// <param name="CpuSeconds">CPU time of the process since it started.</param>
/// <param name="Gen0Collections">Gen 0 collections since start.</param>
/// <param name="Gen1Collections">Gen 1 collections since start.</param>
/// <param name="Gen2Collections">Gen 2 collections since start.</param>
/// <param name="ServerGc">Whether the process runs the server GC.</param>
/// <param name="AnonymousBytes">Resident anonymous memory now (RssAnon: GC heap, native heaps such as SQLite's page caches, stacks); 0 off Linux.</param>
/// <param name="FileBackedBytes">Resident file-backed memory now (RssFile: mapped assemblies and native libraries); 0 off Linux.</param>
internal sealed record ServerSample(
    long MaxWorkingSetBytes,
    long MaxGcHeapBytes,
    long MaxGcCommittedBytes,
    long PeakWorkingSetBytes,
    long WorkingSetBytes,
    long AllocatedBytes,
    double CpuSeconds,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    bool ServerGc,
    long AnonymousBytes,
    long FileBackedBytes);
