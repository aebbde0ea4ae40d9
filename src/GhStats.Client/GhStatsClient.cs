using GhStats.Client.Models;
using Refit;

namespace GhStats.Client;

/// <summary>Makes an <see cref="IGhStatsClient"/> without dependency injection, for scripts and tools.</summary>
public static class GhStatsClient
{
    /// <summary>
    /// Makes a client that owns its connection pool; dispose it when done. In an app with dependency injection use
    /// <c>services.AddGhStatsClient(...)</c> instead, which shares connections through IHttpClientFactory.
    /// </summary>
    /// <param name="options">The server's address, a personal API token and the timeout.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentException">The options are incomplete or wrong; the message names every problem.</exception>
    public static IGhStatsClient Create(GhStatsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = GhStatsClientOptionsValidator.Problems(options).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        // Connections are recycled, so a server that moves to another address is found again, as IHttpClientFactory would.
        var sockets = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
        var http = new HttpClient(new ResponseBufferingHandler { InnerHandler = sockets }, disposeHandler: true);
        Configure(http, options);
        return RestService.ForGenerated<IGhStatsClient>(http, Settings(options, TimeProvider.System));
    }

    /// <summary>The Refit settings: source-generated JSON and the typed errors.</summary>
    internal static RefitSettings Settings(GhStatsClientOptions options, TimeProvider clock)
    {
        var settings = RefitSettings.ForJsonContext(GhStatsJsonContext.Default);
        settings.ExceptionFactory = response => GhStatsErrors.FromResponseAsync(response, clock);
        var timeout = options.Timeout;
        settings.TransportExceptionFactory = (request, exception, cancellationToken) => GhStatsErrors.FromTransport(request, exception, timeout, cancellationToken);
        return settings;
    }

    /// <summary>Points an HttpClient at the server, with the token and the timeout.</summary>
    internal static void Configure(HttpClient http, GhStatsClientOptions options)
    {
        http.BaseAddress = options.BaseAddress;
        http.Timeout = options.Timeout;
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", options.Token);
        http.DefaultRequestHeaders.UserAgent.ParseAdd($"GhStats.Client/{typeof(GhStatsClient).Assembly.GetName().Version?.ToString(3)}");
    }
}
