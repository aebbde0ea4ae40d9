using System.Text.Json;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>The OpenAPI document describes the owner-tracking, connection-test and transfer routes with their request and response schemas.</summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private WebApp? _app;
    private JsonElement _document;

    public async Task InitializeAsync()
    {
        _app = await WebApp.StartAsync();
        _document = await _app.Anonymous().GetJsonAsync("openapi/ghstats.json");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public void TrackingAnOwner_TakesItsFilters_AndAnswersTheTrackedOwner()
    {
        var post = Operation("/api/v1/tenants/{tenant}/owners", "post");

        Properties(post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"))
            .ShouldBe(["owner", "connectionId", "include", "exclude", "skipForks", "skipArchived"], ignoreOrder: true);
        Properties(ResponseSchema(post, "201")).ShouldBe(["id", "owner", "connectionId", "include", "exclude", "skipForks", "skipArchived", "addedAt"], ignoreOrder: true);
        Responses(post).ShouldBe(["201", "400", "401", "403", "404", "409"], ignoreOrder: true);
    }

    [Fact]
    public void ListingOwners_AnswersAnArrayOfTrackedOwners()
    {
        var list = ResponseSchema(Operation("/api/v1/tenants/{tenant}/owners", "get"), "200");

        list.GetProperty("type").GetString().ShouldBe("array");
        Properties(list.GetProperty("items")).ShouldContain("skipArchived");
    }

    [Fact]
    public void UntrackingAnOwner_SaysTheRepositoriesStay()
    {
        var delete = Operation("/api/v1/tenants/{tenant}/owners/{id}", "delete");

        delete.GetProperty("summary").GetString().ShouldNotBeNull().ShouldContain("repositories found so far stay tracked");
        Responses(delete).ShouldContain("404");
    }

    [Fact]
    public void TestingAConnection_AnswersTheCheck()
    {
        var test = Operation("/api/v1/tenants/{tenant}/connections/{id}/test", "post");

        var check = ResponseSchema(test, "200");
        Properties(check).ShouldBe(
            ["connectionId", "ok", "reachable", "credentialsAccepted", "identity", "scopes", "rateLimit", "traffic", "findings", "checkedAt"], ignoreOrder: true);
        Properties(Resolve(check.GetProperty("properties").GetProperty("traffic"))).ShouldBe(["canRead", "repository", "gitHubStatus"], ignoreOrder: true);
        Properties(Resolve(check.GetProperty("properties").GetProperty("identity"))).ShouldBe(["login", "appSlug", "appId", "installationId"], ignoreOrder: true);
        Responses(test).ShouldBe(["200", "401", "403", "404", "503"], ignoreOrder: true);
    }

    [Fact]
    public void StartingAnImport_TakesAMultipartForm_AndAnswersTheJob()
    {
        var post = Operation("/api/v1/tenants/{tenant}/imports", "post");

        Properties(post.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema"))
            .ShouldBe(["source", "dryRun", "historyOnly", "repositoryNames", "file"], ignoreOrder: true);
        var job = ResponseSchema(post, "202");
        Properties(job).ShouldBe(
            ["id", "kind", "source", "fileName", "fileBytes", "dryRun", "requestedBy", "state", "progress", "createdAt", "startedAt", "heartbeatAt", "finishedAt", "error", "report"],
            ignoreOrder: true);
        Properties(Resolve(job.GetProperty("properties").GetProperty("progress"))).ShouldBe(["phase", "done", "total"], ignoreOrder: true);
        Responses(post).ShouldBe(["202", "400", "401", "403", "404", "413", "415", "501"], ignoreOrder: true);
    }

    [Fact]
    public void ExportingATenant_AnswersAZip()
    {
        var export = Operation("/api/v1/tenants/{tenant}/export", "get");

        export.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name).ShouldBe(["application/zip"]);
        Properties(Operation("/api/v1/restore", "post").GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema"))
            .ShouldBe(["dryRun", "file"], ignoreOrder: true);
    }

    private JsonElement Operation(string path, string method) => _document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static List<string> Responses(JsonElement operation) => [.. operation.GetProperty("responses").EnumerateObject().Select(r => r.Name)];

    private JsonElement ResponseSchema(JsonElement operation, string status) =>
        Resolve(operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema"));

    private List<string> Properties(JsonElement schema) => [.. Resolve(schema).GetProperty("properties").EnumerateObject().Select(p => p.Name)];

    /// <summary>Follows a "$ref" (directly, or as the only member of a nullable "oneOf"/"anyOf") into components/schemas.</summary>
    private JsonElement Resolve(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Resolve(_document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..]));
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                return Resolve(options.EnumerateArray().First(o => o.TryGetProperty("$ref", out _) || o.TryGetProperty("properties", out _)));
            }
        }

        return schema;
    }
}
