using System.Diagnostics;

namespace GhStats.Diagnostics;

/// <summary>
/// The names GhStats' telemetry is published under: one <see cref="System.Diagnostics.Metrics.Meter"/> and one
/// <see cref="System.Diagnostics.ActivitySource"/>, both called <see cref="Name"/>. A host exports them with
/// OpenTelemetry (<c>AddMeter(GhStatsTelemetry.Name)</c>, <c>AddSource(GhStatsTelemetry.Name)</c>).
/// </summary>
public static class GhStatsTelemetry
{
    /// <summary>The name of GhStats' meter and activity source.</summary>
    public const string Name = "GhStats";

    /// <summary>The span names GhStats starts.</summary>
    public static class Spans
    {
        /// <summary>One collection run, from start to its recorded end.</summary>
        public const string CollectionRun = "ghstats.collection.run";

        /// <summary>Collecting one repository within a run.</summary>
        public const string CollectRepository = "ghstats.collection.repository";

        /// <summary>One request to GitHub's API, including its waits for the rate limit.</summary>
        public const string GitHubCall = "ghstats.github.call";

        /// <summary>One attempt to deliver a notification message: resolving its destination, rendering and sending.</summary>
        public const string NotificationDelivery = "ghstats.notifications.delivery";
    }

    // Activity sources are process-wide by design (like ASP.NET Core's own); listeners decide whether a span is recorded.
    internal static ActivitySource ActivitySource { get; } = new(Name, typeof(GhStatsTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Starts a GhStats span, or returns null when nobody listens.</summary>
    /// <param name="name">One of <see cref="Spans"/>.</param>
    /// <param name="kind">Internal for GhStats' own work, Client for a call to GitHub.</param>
    /// <returns>The started activity, to dispose when the work ends; null when no listener samples it.</returns>
    public static Activity? StartSpan(string name, ActivityKind kind = ActivityKind.Internal) => ActivitySource.StartActivity(name, kind);
}
