using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace GhStats.Testing.Telemetry;

/// <summary>
/// Records what one app's GhStats meter measures, through a real <see cref="MeterListener"/>. Only instruments of the
/// meter named "GhStats" created by <paramref name="meterFactory"/> are heard, so apps running in parallel tests in the
/// same process never mix their numbers.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    /// <summary>Starts listening.</summary>
    /// <param name="meterFactory">The app's meter factory (<c>services.GetRequiredService&lt;IMeterFactory&gt;()</c>).</param>
    public MetricRecorder(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "GhStats" && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Everything measured so far.</summary>
    public IReadOnlyList<Measurement> Measurements => [.. _measurements];

    /// <summary>The measurements of one instrument, e.g. "ghstats.http.requests".</summary>
    /// <param name="instrument">The instrument's name.</param>
    /// <returns>Its measurements, oldest first.</returns>
    public IReadOnlyList<Measurement> Of(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    /// <summary>
    /// Waits until <paramref name="instrument"/> has measurements that <paramref name="done"/> accepts: a server counts a
    /// request after its response is written, so a client can read the response first. Gives up after 10 seconds.
    /// </summary>
    /// <param name="instrument">The instrument's name.</param>
    /// <param name="done">Whether the measurements so far are the expected ones.</param>
    /// <returns>The measurements then.</returns>
    public async Task<IReadOnlyList<Measurement>> WaitForAsync(string instrument, Func<IReadOnlyList<Measurement>, bool> done)
    {
        ArgumentNullException.ThrowIfNull(done);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!done(Of(instrument)) && !deadline.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None).ConfigureAwait(false);
        }

        return Of(instrument);
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue(new Measurement(instrument.Name, value, copy));
    }

    /// <summary>One measurement.</summary>
    /// <param name="Instrument">The instrument's name.</param>
    /// <param name="Value">The value.</param>
    /// <param name="Tags">Its tags.</param>
    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
    {
        /// <summary>A tag's value as text, or null.</summary>
        /// <param name="name">The tag.</param>
        /// <returns>Its value.</returns>
        public string? Tag(string name) => Tags.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
