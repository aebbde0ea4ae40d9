using GhStats.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);

// Settings come from appsettings*.json, user secrets (Development) and environment variables (GhStats__Cron__Secret ...).
builder.Services.AddGhStats(builder.Configuration.GetSection("GhStats"))
#if (storage == "sqlite")
    .UseSqlite()        // GhStats:Sqlite:ConnectionString
#elif (storage == "postgres")
    .UsePostgres()      // GhStats:Postgres:ConnectionString
#else
    .UseDb2()           // GhStats:Db2:ConnectionString; IBM's driver package is in the project file
#endif
    .AddGitHubCollector()
    .AddNotifications() // GhStats:Notifications: webhooks, Slack and email (GhStats:Notifications:Smtp)
    .AddWeb();

// OpenTelemetry: GhStats' meter and spans over OTLP when OpenTelemetry:Otlp:Endpoint (or OTEL_EXPORTER_OTLP_ENDPOINT) is
// set, and a Prometheus scrape endpoint when OpenTelemetry:Prometheus:Enabled is true. Keep that endpoint off the public network.
var otlpEndpoint = builder.Configuration["OpenTelemetry:Otlp:Endpoint"];
var otlp = !string.IsNullOrWhiteSpace(otlpEndpoint) || !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
var prometheus = builder.Configuration.GetValue("OpenTelemetry:Prometheus:Enabled", false);
if (otlp || prometheus)
{
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
    if (otlp)
    {
        telemetry.WithTracing(tracing => tracing.AddSource(GhStatsTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .UseOtlpExporter();
        if (!string.IsNullOrWhiteSpace(otlpEndpoint))
        {
            builder.Services.Configure<OtlpExporterOptions>(options => options.Endpoint = new Uri(otlpEndpoint));
        }
    }
}

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

// The pages, JSON API v1, the cron endpoint (POST /api/v1/collect), /healthz and /readyz.
app.MapGhStats();
if (prometheus)
{
    app.MapPrometheusScrapingEndpoint(app.Configuration["OpenTelemetry:Prometheus:Path"] ?? "/metrics");
}

await app.RunAsync();
