using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace GhStats.Host.Tests;

/// <summary>The host's commands on a SQLite file, checked through the host serving that file.</summary>
public sealed partial class HostCommandTests(CommandHost host) : IClassFixture<CommandHost>
{
    [Fact]
    public async Task AdminAdd_LetsTheEmailSignIn_AsASystemAdmin()
    {
        const string email = "new-admin@commands.test";
        using (var before = HostSession.Anonymous(host.Host.Address))
        {
            using var refused = await before.TrySignInAsync(email);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "Nobody invited this email yet.");
        }

        var (exitCode, output, error) = await host.RunAsync("admin", "add", email);

        exitCode.ShouldBe(0, error);
        output.ShouldContain(email);
        using var session = HostSession.Anonymous(host.Host.Address);
        var me = await session.SignInAsync(email);
        me.Email.ShouldBe(email);
        me.SystemRoles.ShouldBe(["admin"]);
    }

    [Fact]
    public async Task TenantCreate_CreatesTheTenant_AndADuplicateSlugFailsWithExitCode1()
    {
        var (exitCode, output, error) = await host.RunAsync("tenant", "create", "team-red", "--name", "Team Red");

        exitCode.ShouldBe(0, error);
        output.ShouldContain("team-red");
        using var admin = HostSession.Anonymous(host.Host.Address);
        await admin.SignInAsync(CommandHost.OperatorEmail);
        var tenant = await admin.GetAsync<ApiWire.Tenant>("api/v1/tenants/team-red");
        tenant.Name.ShouldBe("Team Red");

        var (again, againOutput, againError) = await host.RunAsync("tenant", "create", "team-red");

        again.ShouldBe(1, againOutput + againError);
        againError.ShouldContain("team-red");
        againError.ShouldContain("exists");
        (await admin.GetAsync<ApiWire.Tenant>("api/v1/tenants/team-red")).Name.ShouldBe("Team Red", "The failed duplicate must not rename the tenant.");
    }

    [Fact]
    public async Task TenantCreate_WithAnOwner_MakesThemOwnerAtTheirFirstSignIn()
    {
        const string owner = "lead@commands.test";

        var (exitCode, _, error) = await host.RunAsync("tenant", "create", "team-blue", "--name", "Team Blue", "--owner", owner);

        exitCode.ShouldBe(0, error);
        using var session = HostSession.Anonymous(host.Host.Address);
        var me = await session.SignInAsync(owner);
        me.Tenants.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            t => t.Slug.ShouldBe("team-blue"),
            t => t.Name.ShouldBe("Team Blue"),
            t => t.Role.ShouldBe("owner"));
        me.SystemRoles.ShouldBeEmpty();
    }

    [Fact]
    public async Task TokenCreate_PrintsOnlyTheToken_WhichTheServedHostAcceptsAsBearer()
    {
        const string email = "script@commands.test";

        var before = DateOnly.FromDateTime(DateTime.UtcNow);

        var (exitCode, output, error) = await host.RunAsync("token", "create", "--email", email, "--name", "nightly export", "--days", "7");

        exitCode.ShouldBe(0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        var token = lines.ShouldHaveSingleItem();
        token.Trim().ShouldBe(token);
        var expires = DateOnly.ParseExact(ExpiryDate().Match(error).Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        expires.ShouldBeInRange(before.AddDays(7), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7));

        using var script = HostSession.WithToken(host.Host.Address, token);
        var me = await script.MeAsync();
        me.Email.ShouldBe(email);
        me.DevelopmentSignIn.ShouldBeFalse();
        var tokens = await script.GetAsync<ApiWire.CreatedToken[]>("api/v1/me/tokens");
        tokens.ShouldContain(t => t.Name == "nightly export");

        using var altered = HostSession.WithToken(host.Host.Address, token[..^1] + (token[^1] == 'A' ? 'B' : 'A'));
        using var refused = await altered.GetAsync("api/v1/me");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("token create --email s@commands.test --days 367", "--days")]
    [InlineData("token create --email s@commands.test --days seven", "--days")]
    [InlineData("token create --email s@commands.test --days", "--days")]
    [InlineData("token create --name ci", "--email")]
    [InlineData("tenant create Team_Red", "slug")]
    [InlineData("tenant create team-x --colour red", "--colour")]
    [InlineData("admin add not-an-email", "not-an-email")]
    [InlineData("migrate --script", "sqlite, postgres, db2")]
    public async Task Command_UsedWrongly_ExitsWith2_SayingWhatIsWrong(string command, string named)
    {
        var (exitCode, output, error) = await host.RunAsync(command.Split(' '));

        exitCode.ShouldBe(2, output + error);
        error.ShouldContain(named, Case.Insensitive);
        output.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("tenant delete team-red")]
    [InlineData("admin")]
    public async Task UnknownCommand_ExitsWith2_WithTheHelpText(string command)
    {
        var (exitCode, output, error) = await host.RunAsync(command.Split(' '));

        exitCode.ShouldBe(2, output + error);
        error.ShouldContain($"Unknown command '{command}'");
        error.ShouldContain("Usage:");
    }

    [Theory]
    [InlineData("urls=http://127.0.0.1:1")]
    [InlineData("/urls http://127.0.0.1:1")]
    public async Task ConfigurationSwitch_AsFirstArgument_MeansServe_NotACommand(string arguments)
    {
        // "--urls x" starts every host in these tests; an unknown provider stops serving at once with its own message.
        var (exitCode, output, error) = await HostProcess.RunCommandAsync(arguments.Split(' '), new Dictionary<string, string>
        {
            ["GhStats__Storage__Provider"] = "oracle",
        });

        exitCode.ShouldNotBe(0);
        (output + error).ShouldContain("GhStats__Storage__Provider");
        error.ShouldNotContain("Unknown command");
    }

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var answers = await Task.WhenAll(host.RunAsync("help"), host.RunAsync("--help"), host.RunAsync("-h"));

        answers.ShouldAllBe(a => a.ExitCode == 0);
        answers.Select(a => a.Output).Distinct().ShouldHaveSingleItem();
        var listed = UsageLine().Matches(answers[0].Output).Select(m => m.Groups["command"].Value.Trim()).Distinct().ToArray();
        listed.ShouldBe(["", "worker", "collect", "migrate", "admin add", "tenant create", "token create", "import", "export", "restore", "help"], ignoreOrder: true);
        answers[0].Output.ShouldContain("migrate --script <provider>");
        answers[0].Output.ShouldContain("tenant create <slug> [--name <name>] [--owner <email>]");
        answers[0].Output.ShouldContain("token create --email <email> [--name <name>] [--days <1-366>]");
        answers[0].Output.ShouldContain("Exit codes: 0");
    }

    [GeneratedRegex(@"expires (?<date>\d{4}-\d{2}-\d{2})")]
    private static partial Regex ExpiryDate();

    /// <summary>"GhStats.Host" and the command's words, up to its first option, argument or its description.</summary>
    [GeneratedRegex(@"^\s*GhStats\.Host(?<command>(?: [a-z]+)*)(?: [<\[-]|\s{2,}|$)", RegexOptions.Multiline)]
    private static partial Regex UsageLine();
}
