using System.Net;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.SignIn;

/// <summary>A session made by the development sign-in is honoured only where that sign-in exists.</summary>
public sealed class DevelopmentSessionTests
{
    [Fact]
    public async Task ADevelopmentSession_IsRefused_ByAProductionReplicaOfTheSameDatabase()
    {
        await using var development = await WebApp.StartAsync(new WebAppOptions
        {
            Environment = "Development",
            Settings = new Dictionary<string, string?> { ["GhStats:Bootstrap:AdminEmails:0"] = "dev-admin@example.com" },
        });
        await using var production = await WebApp.StartAsync(new WebAppOptions { DatabasePath = development.DatabasePath });
        var session = await development.SignInAsync("dev-admin@example.com");
        using var elsewhere = new WebCaller(production.BaseAddress);
        elsewhere.Cookies.Add(session.Cookies.GetAllCookies());

        using var refused = await elsewhere.GetAsync("api/v1/me");
        using var honoured = await session.GetAsync("api/v1/me");

        honoured.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
