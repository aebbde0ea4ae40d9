using System.Text.Json;
using System.Text.Json.Nodes;
using GhStats.Client.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Client.Tests.Contract;

/// <summary>
/// The server's OpenAPI document against the client's Refit interfaces and models: a server change that would break
/// the SDK (a route, a query parameter, a property renamed, removed, made nullable or required) fails here. The
/// doctored documents show that each kind of drift is reported.
/// </summary>
public sealed class OpenApiContractTests(ServedOpenApiDocument served) : IClassFixture<ServedOpenApiDocument>
{
    [Fact]
    public void TheClient_MatchesTheServersOpenApiDocument()
    {
        var problems = Compare(JsonNode.Parse(served.Json)!);

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task TheClient_MatchesTheDocument_OfAServerMountedUnderAPrefix()
    {
        await using var server = await GhStatsServer.StartAsync(prefix: "/stats");
        using var document = JsonDocument.Parse(await ServedOpenApiDocument.FetchAsync(server));

        var problems = OpenApiContract.Compare(document.RootElement, typeof(IGhStatsClient), GhStatsJsonContext.Default.Options, serverPathPrefix: "/stats");

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void ARouteTheServerDropped_IsReported()
    {
        var document = JsonNode.Parse(served.Json)!;
        document["paths"]!.AsObject().Remove("/api/v1/runs");

        Compare(document).ShouldContain("IGhStatsRuns.ListRunsAsync calls GET /api/v1/runs, which the server does not have.");
    }

    [Fact]
    public void ARouteTheServerAdded_IsReported()
    {
        var document = JsonNode.Parse(served.Json)!;
        document["paths"]!["/api/v1/tenants/{tenant}/archive"] = JsonNode.Parse("""{"post": {"responses": {"200": {"description": "OK"}}}}""");

        Compare(document).ShouldContain("POST /api/v1/tenants/{tenant}/archive on the server has no client method.");
    }

    [Fact]
    public void ARenamedResponseProperty_IsReportedBothWays()
    {
        var document = JsonNode.Parse(served.Json)!;
        var point = document["components"]!["schemas"]!["TrafficPointResponse"]!;
        var properties = point["properties"]!.AsObject();
        var views = properties["views"]!.DeepClone();
        properties.Remove("views");
        properties["pageViews"] = views;
        point["required"] = new JsonArray("date", "pageViews", "uniqueViews", "clones", "uniqueClones");

        var problems = Compare(document);

        problems.ShouldContain("TrafficPoint.views is not in the server's TrafficPointResponse.");
        problems.ShouldContain("The server's TrafficPointResponse requires 'pageViews', which TrafficPoint lacks.");
    }

    [Fact]
    public void ARenamedFormField_IsReportedBothWays()
    {
        var document = JsonNode.Parse(served.Json)!;
        var body = document["paths"]!["/api/v1/tenants/{tenant}/imports"]!["post"]!["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!;
        var form = body["$ref"] is { } reference ? document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]! : body;
        var properties = form["properties"]!.AsObject();
        var source = properties["source"]!.DeepClone();
        properties.Remove("source");
        properties["sourceName"] = source;

        var problems = Compare(document);

        problems.ShouldContain("IGhStatsTransfers.UploadImportAsync sends form field 'source', which POST /api/v1/tenants/{tenant}/imports does not take.");
        problems.ShouldContain("POST /api/v1/tenants/{tenant}/imports takes form field 'sourceName', which IGhStatsTransfers.UploadImportAsync cannot send.");
    }

    [Fact]
    public void AResponsePropertyThatBecameNullable_IsReported()
    {
        var document = JsonNode.Parse(served.Json)!;
        document["components"]!["schemas"]!["TrafficTotalsResponse"]!["properties"]!["views"]!["type"] = new JsonArray("null", "integer", "string");

        Compare(document).ShouldContain("The server's TrafficTotalsResponse.views may be null, but TrafficTotals.views cannot hold null.");
    }

    [Fact]
    public void AnIntegerThatGrewTo64Bits_IsReported()
    {
        var document = JsonNode.Parse(served.Json)!;
        document["components"]!["schemas"]!["ReferrerRankResponse"]!["properties"]!["views"]!["format"] = "int64";

        Compare(document).ShouldContain("ReferrerRank.views is an int, but the server sends int64: large values would not fit.");
    }

    [Fact]
    public void ARenamedQueryParameter_IsReportedBothWays()
    {
        var document = JsonNode.Parse(served.Json)!;
        var parameter = document["paths"]!["/api/v1/repos"]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "tenant")!;
        parameter["name"] = "tenantSlug";

        var problems = Compare(document);

        problems.ShouldContain("IGhStatsRepositories.ListRepositoriesAsync sends query parameter 'tenant', which GET /api/v1/repos does not take.");
        problems.ShouldContain("GET /api/v1/repos takes query parameter 'tenantSlug', which IGhStatsRepositories.ListRepositoriesAsync cannot send.");
    }

    [Fact]
    public void ARequestPropertyTheServerNowRequires_IsReported()
    {
        var document = JsonNode.Parse(served.Json)!;
        var request = document["components"]!["schemas"]!["TrackRepositoryRequest"]!;
        request["properties"]!["branch"] = JsonNode.Parse("""{"type": "string"}""");
        request["required"]!.AsArray().Add("branch");

        Compare(document).ShouldContain("The server's TrackRepositoryRequest requires 'branch', which TrackRepositoryRequest lacks.");
    }

    [Fact]
    public void ADateThatBecameATimestamp_IsReported()
    {
        var document = JsonNode.Parse(served.Json)!;
        document["components"]!["schemas"]!["TrafficPointResponse"]!["properties"]!["date"]!["format"] = "date-time";

        Compare(document).ShouldContain("TrafficPoint.date is a DateOnly, read as date, but the server's format is date-time.");
    }

    private static IReadOnlyList<string> Compare(JsonNode document)
    {
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        return OpenApiContract.Compare(parsed.RootElement, typeof(IGhStatsClient), GhStatsJsonContext.Default.Options);
    }
}
