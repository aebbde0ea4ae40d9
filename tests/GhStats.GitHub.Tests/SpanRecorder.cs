using System.Collections.Concurrent;
using System.Diagnostics;
using GhStats.Diagnostics;
using Shouldly;

namespace GhStats.GitHub.Tests;

/// <summary>
/// Records the GhStats spans that end while it listens, through a real <see cref="ActivityListener"/>. The activity source
/// is process-wide and run ids restart in every test's database, so it keeps only the spans that end in the async flow
/// of the test that made it (the collector's run task inherits that flow); pick a run's spans with <see cref="Trace"/>.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private static readonly AsyncLocal<SpanRecorder?> Owner = new();

    private readonly ActivityListener _listener;

    public SpanRecorder()
    {
        Owner.Value = this;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GhStatsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (ReferenceEquals(Owner.Value, this))
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The span of collection run <paramref name="runId"/>; fails unless there is exactly one.</summary>
    public Activity Run(long runId) =>
        _stopped.Where(a => a.OperationName == GhStatsTelemetry.Spans.CollectionRun && Equals(a.GetTagItem("ghstats.run.id"), runId))
            .ShouldHaveSingleItem($"one span for run {runId}");

    /// <summary>Every span of the trace <paramref name="root"/> belongs to, named <paramref name="name"/>.</summary>
    public IReadOnlyList<Activity> Trace(Activity root, string name) =>
        [.. _stopped.Where(a => a.TraceId == root.TraceId && a.OperationName == name)];

    public void Dispose() => _listener.Dispose();
}
