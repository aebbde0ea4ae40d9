using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>
/// A web replica without a collector: with <c>GhStats:Cron:QueueForWorker</c> the cron call queues a run for a worker
/// process (the worker host's own tests run one), without it the call says there is no collector.
/// </summary>
public sealed class QueueForWorkerTests
{
    private const string Secret = "cron-secret-for-queue-tests-0123456789-ab";

    [Fact]
    public async Task TheCronCall_QueuesOneRun_AndASecondCallAnswersTheSameRun()
    {
        await using var app = await StartAsync(queueForWorker: true);

        using var first = await CallAsync(app, "");
        using var second = await CallAsync(app, "");

        var queued = await ShouldBeAcceptedAsync(first);
        var again = await ShouldBeAcceptedAsync(second);
        queued.GetProperty("status").GetString().ShouldBe("queued");
        again.GetProperty("id").GetInt64().ShouldBe(queued.GetProperty("id").GetInt64());
        var waiting = await app.Get<ICollectionRunStore>().ListQueuedAsync();
        waiting.ShouldHaveSingleItem().Id.ShouldBe(queued.GetProperty("id").GetInt64());
        waiting[0].Trigger.ShouldBe(CollectionTrigger.Cron);
    }

    [Fact]
    public async Task AWaitThatNoWorkerAnswers_Ends_With202AndTheRunStillQueued()
    {
        await using var app = await StartAsync(queueForWorker: true);

        using var response = await CallAsync(app, "?wait=2");

        var run = await ShouldBeAcceptedAsync(response);
        run.GetProperty("status").GetString().ShouldBe("queued");
    }

    [Fact]
    public async Task WithoutACollectorOrAQueue_TheCallAnswers503_SayingWhatToAdd()
    {
        await using var app = await StartAsync(queueForWorker: false);

        using var response = await CallAsync(app, "");

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, body);
        body.ShouldContain("AddGitHubCollector()");
        body.ShouldContain("GhStats:Cron:QueueForWorker");
        (await app.Get<ICollectionRunStore>().ListAsync(10)).ShouldBeEmpty();
    }

    private static Task<WebApp> StartAsync(bool queueForWorker) => WebApp.StartAsync(new WebAppOptions
    {
        AddCollector = false,
        Settings = new Dictionary<string, string?>
        {
            ["GhStats:Cron:Secret"] = Secret,
            ["GhStats:Cron:QueueForWorker"] = queueForWorker ? "true" : "false",
        },
    });

    private static Task<HttpResponseMessage> CallAsync(WebApp app, string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/collect" + query);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        return app.Anonymous().SendAsync(request);
    }

    private static async Task<JsonElement> ShouldBeAcceptedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, body);
        var run = JsonDocument.Parse(body).RootElement.Clone();
        response.Headers.Location?.OriginalString.ShouldBe($"/api/v1/runs/{run.GetProperty("id").GetInt64()}");
        return run;
    }
}
