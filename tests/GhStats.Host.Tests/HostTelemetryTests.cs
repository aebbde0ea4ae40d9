using System.Net;
using Shouldly;
using Xunit;

namespace GhStats.Host.Tests;

/// <summary>The host's Prometheus scrape endpoint: off by default, GhStats' metrics on it when turned on.</summary>
public sealed class HostTelemetryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ghstats-host-otel-").FullName;

    [Fact]
    public async Task WithPrometheusOn_TheScrapeShowsGhStatsMetrics()
    {
        var environment = Environment();
        environment["OpenTelemetry__Prometheus__Enabled"] = "true";
        environment["OpenTelemetry__Prometheus__Path"] = "/internal/metrics";
        await using var host = await HostProcess.StartAsync(environment);
        using var client = new HttpClient { BaseAddress = host.Address };
        (await client.GetAsync(new Uri("readyz", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The request counter exists once a GhStats request was answered; the exporter may serve a cached scrape for a moment.
        var scrape = "";
        for (var attempt = 0; attempt < 50 && !scrape.Contains("ghstats_http_requests", StringComparison.Ordinal); attempt++)
        {
            using var response = await client.GetAsync(new Uri("internal/metrics", UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            scrape = await response.Content.ReadAsStringAsync();
            await Task.Delay(200);
        }

        scrape.ShouldContain("ghstats_http_requests");
        scrape.ShouldContain("route=\"/readyz\"");
    }

    [Fact]
    public async Task WithPrometheusOff_ThePathIsNotFound()
    {
        await using var host = await HostProcess.StartAsync(Environment());
        using var client = new HttpClient { BaseAddress = host.Address };

        using var response = await client.GetAsync(new Uri("metrics", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The host may still hold the file for a moment.
        }
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["GhStats__Sqlite__ConnectionString"] = $"Data Source={Path.Combine(_folder, "ghstats.db")}",
    };
}
