using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace GhStats.Bench.Queries;

/// <summary>Samples this process's resident set and GC heap every 50 ms and keeps the highest values since the last reset.</summary>
internal sealed class ServerMemory : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);
    private readonly Lock _lock = new();
    private readonly Timer _timer;
    private long _maxWorkingSet;
    private long _maxGcHeap;
    private long _maxGcCommitted;

    public ServerMemory()
    {
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, Interval);
    }

    /// <summary>The highest values since the last reset and the counters now; optionally starts a new window.</summary>
    /// <param name="reset">Start a new window after reading.</param>
    /// <returns>The sample.</returns>
    public ServerSample Read(bool reset)
    {
        Sample();
        using var self = Process.GetCurrentProcess();
        lock (_lock)
        {
            var sample = new ServerSample(
                _maxWorkingSet,
                _maxGcHeap,
                _maxGcCommitted,
                Status("VmHWM:") ?? self.PeakWorkingSet64,
                Environment.WorkingSet,
                GC.GetTotalAllocatedBytes(precise: true),
                self.TotalProcessorTime.TotalSeconds,
                GC.CollectionCount(0),
                GC.CollectionCount(1),
                GC.CollectionCount(2),
                GCSettings.IsServerGC,
                Status("RssAnon:") ?? 0,
                Status("RssFile:") ?? 0);
            if (reset)
            {
                _maxWorkingSet = _maxGcHeap = _maxGcCommitted = 0;
            }

            return sample;
        }
    }

    public void Dispose() => _timer.Dispose();

    /// <summary>A size from /proc/self/status (e.g. VmHWM, the peak resident set), where Linux has it.</summary>
    private static long? Status(string field)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var kilobytes = line[field.Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // Not Linux: the caller falls back.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }

        return null;
    }

    private void Sample()
    {
        var workingSet = Environment.WorkingSet;
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
        lock (_lock)
        {
            _maxWorkingSet = Math.Max(_maxWorkingSet, workingSet);
            _maxGcHeap = Math.Max(_maxGcHeap, heap);
            _maxGcCommitted = Math.Max(_maxGcCommitted, committed);
        }
    }
}
