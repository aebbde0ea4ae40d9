using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.SignIn;

/// <summary>GhStats:Bootstrap:AdminEmails grants the admin role once per email; an admin's later decision stands.</summary>
public sealed class BootstrapAdminTests
{
    private const string Boss = "boss@bootstrap.example";
    private const string Second = "second@bootstrap.example";

    [Fact]
    public async Task ABootstrapAdminWhoseRoleWasRemoved_StaysRemoved_AtTheNextSignIn()
    {
        await using var app = await StartAsync();
        var first = await app.SignInAsync(Boss);
        SystemRoles(await first.GetJsonAsync("api/v1/me")).ShouldContain("admin");

        (await app.Get<IUserStore>().RemoveSystemRoleAsync(first.UserId!.Value, SystemRole.Admin)).ShouldBeTrue();
        app.ForgetCachedAccess();
        var again = await app.SignInAsync(Boss);

        again.UserId.ShouldBe(first.UserId);
        SystemRoles(await again.GetJsonAsync("api/v1/me")).ShouldNotContain("admin");
    }

    [Fact]
    public async Task EveryListedEmail_IsGrantedAtItsFirstSignIn_EvenWhenAnAdminExists()
    {
        await using var app = await StartAsync();
        SystemRoles(await (await app.SignInAsync(Boss)).GetJsonAsync("api/v1/me")).ShouldContain("admin");

        var second = await app.SignInAsync(Second);

        SystemRoles(await second.GetJsonAsync("api/v1/me")).ShouldContain("admin");
    }

    private static Task<WebApp> StartAsync() =>
        WebApp.StartAsync(new WebAppOptions
        {
            Environment = "Development",
            Settings = new Dictionary<string, string?>
            {
                ["GhStats:Bootstrap:AdminEmails:0"] = Boss,
                ["GhStats:Bootstrap:AdminEmails:1"] = Second,
            },
        });

    private static string[] SystemRoles(System.Text.Json.JsonElement me) =>
        [.. me.GetProperty("systemRoles").EnumerateArray().Select(r => r.GetString()!)];
}
