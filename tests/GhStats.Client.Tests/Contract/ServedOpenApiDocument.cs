using GhStats.Client.Tests.Harness;
using Xunit;

namespace GhStats.Client.Tests.Contract;

/// <summary>A real server and the OpenAPI document it serves at {prefix}/openapi/ghstats.json.</summary>
public sealed class ServedOpenApiDocument : IAsyncLifetime
{
    private GhStatsServer? _server;

    /// <summary>The document as the server wrote it.</summary>
    public string Json { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _server = await GhStatsServer.StartAsync();
        Json = await FetchAsync(_server);
    }

    public static async Task<string> FetchAsync(GhStatsServer server)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        return await http.GetStringAsync("openapi/ghstats.json");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
