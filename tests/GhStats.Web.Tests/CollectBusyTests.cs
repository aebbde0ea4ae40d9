using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GhStats.Stores;
using GhStats.Testing;
using GhStats.Web.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>
/// POST /api/v1/collect answers 409 "Collection busy" only for <see cref="CollectionBusyException"/> (another process holds
/// the lease); any other failure to start a run is a server error, not a busy collector.
/// </summary>
public sealed class CollectBusyTests
{
    private const string Secret = "cron-secret-for-busy-tests-0123456789-abcd";

    [Fact]
    public async Task ALeaseHeldByAnotherProcessWithoutARun_Answers409_NamingTheHolder()
    {
        var clock = new CalendarClock(DateTimeOffset.UtcNow);
        await using var app = await WebApp.StartAsync(new WebAppOptions
        {
            Clock = clock,
            Settings = new Dictionary<string, string?> { ["GhStats:Cron:Secret"] = Secret },
        });
        (await app.Get<ILeaseStore>().TryAcquireAsync("collection", "another-replica", TimeSpan.FromHours(1))).ShouldBeTrue();

        // The collector looks for the other process's run for a while before it gives up; the clock jumps past that.
        var call = CallAsync(app);
        for (var i = 0; i < 100 && !call.IsCompleted; i++)
        {
            await Task.WhenAny(call, Task.Delay(100));
            clock.Advance(TimeSpan.FromSeconds(11));
        }

        using var response = await call;
        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.Conflict);
        problem.GetProperty("title").GetString().ShouldBe("Collection busy");
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("another-replica");
    }

    [Fact]
    public async Task AnotherInvalidOperation_IsNotReportedAsBusy_ButAsAServerError()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions
        {
            Settings = new Dictionary<string, string?> { ["GhStats:Cron:Secret"] = Secret },
        });

        // A stopped collector refuses new runs with ObjectDisposedException, an InvalidOperationException that is not "busy".
        var collector = app.Services.GetServices<IHostedService>().OfType<ICollectionService>().ShouldHaveSingleItem();
        await ((IHostedService)collector).StopAsync(CancellationToken.None);

        using var response = await CallAsync(app);

        var problem = await ShouldBeProblemAsync(response, HttpStatusCode.InternalServerError);
        problem.TryGetProperty("title", out var title).ShouldBeTrue();
        title.GetString().ShouldNotBe("Collection busy");
    }

    private static Task<HttpResponseMessage> CallAsync(WebApp app)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/collect");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        return app.Anonymous().SendAsync(request);
    }

    private static async Task<JsonElement> ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
