using GhStats.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GhStats.Host;

/// <summary>
/// Exports GhStats' meter and activity source, with ASP.NET Core's and HttpClient's, through OpenTelemetry:
/// to an OTLP collector when <c>OpenTelemetry:Otlp:Endpoint</c> (or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>)
/// is set, and as a Prometheus scrape endpoint when <c>OpenTelemetry:Prometheus:Enabled</c> is true (at
/// <c>OpenTelemetry:Prometheus:Path</c>, "/metrics" by default). With neither, nothing is collected.
/// </summary>
internal static class HostTelemetry
{
    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = builder.Configuration["OpenTelemetry:Otlp:Endpoint"];
        var standardOtlp = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var prometheus = PrometheusEnabled(builder.Configuration);
        if (string.IsNullOrWhiteSpace(otlp) && string.IsNullOrWhiteSpace(standardOtlp) && !prometheus)
        {
            return;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OpenTelemetry:ServiceName"] ?? "ghstats"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GhStatsTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (!string.IsNullOrWhiteSpace(otlp) || !string.IsNullOrWhiteSpace(standardOtlp))
        {
            telemetry.WithTracing(tracing => tracing.AddSource(GhStatsTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());

            // UseOtlpExporter reads OTEL_EXPORTER_OTLP_* itself; OpenTelemetry:Otlp:Endpoint, when set, wins.
            telemetry.UseOtlpExporter();
            if (!string.IsNullOrWhiteSpace(otlp))
            {
                builder.Services.Configure<OpenTelemetry.Exporter.OtlpExporterOptions>(options => options.Endpoint = new Uri(otlp));
            }
        }
    }

    /// <summary>Maps the Prometheus scrape endpoint when it is turned on. It is anonymous: keep it off the public network.</summary>
    public static void MapTelemetry(this WebApplication app)
    {
        if (PrometheusEnabled(app.Configuration))
        {
            app.MapPrometheusScrapingEndpoint(app.Configuration["OpenTelemetry:Prometheus:Path"] ?? "/metrics");
        }
    }

    private static bool PrometheusEnabled(IConfiguration configuration) =>
        bool.TryParse(configuration["OpenTelemetry:Prometheus:Enabled"], out var enabled) && enabled;
}
