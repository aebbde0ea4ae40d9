using System.Diagnostics;

namespace GhStats.Bench.Merge;

/// <summary>Times one phase, after a full collection so that garbage left by setup is not charged to it.</summary>
internal static class Timed
{
    /// <summary>Runs the work and measures it by the wall clock and by the CPU time the store reports.</summary>
    /// <param name="store">The store, which knows whose CPU time counts.</param>
    /// <param name="work">The writes.</param>
    /// <returns>Both times.</returns>
    public static async Task<Timing> RunAsync(StoreUnderTest store, Func<Task> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var cpu = store.CpuTime();
        var clock = Stopwatch.StartNew();
        await work();
        var elapsed = clock.Elapsed;
        return new Timing(elapsed, store.CpuTime() - cpu);
    }
}

/// <summary>How long a phase took.</summary>
/// <param name="Elapsed">Wall-clock time.</param>
/// <param name="Cpu">CPU time of the benchmark process and, for a server database, the server's processes.</param>
internal readonly record struct Timing(TimeSpan Elapsed, TimeSpan Cpu);
