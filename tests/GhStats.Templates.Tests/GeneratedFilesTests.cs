using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace GhStats.Templates.Tests;

/// <summary>What `dotnet new ghstats` writes, for every option combination; nothing here builds.</summary>
[Collection(TemplateTestGroup.Name)]
public sealed partial class GeneratedFilesTests(TemplateFixture templates)
{
    public static TheoryData<string, string> EveryVariant => new()
    {
        { "sqlite", "oidc" },
        { "sqlite", "development" },
        { "postgres", "oidc" },
        { "postgres", "development" },
        { "db2", "oidc" },
        { "db2", "development" },
    };

    [Theory]
    [MemberData(nameof(EveryVariant))]
    public async Task CronSecret_IsStoredInUserSecrets_AndInNoGeneratedFile(string storage, string signin)
    {
        var app = await templates.GenerateAsync(storage, signin);

        var secret = app.UserSecrets().GetValueOrDefault("GhStats:Cron:Secret");
        secret.ShouldNotBeNull("the post action should have stored GhStats:Cron:Secret in the project's user secrets");
        HexSecret().IsMatch(secret).ShouldBeTrue($"'{secret}' should be 64 hex characters");
        foreach (var file in app.Files())
        {
            app.Read(file).ShouldNotContain(secret, Case.Insensitive, $"{file} holds the cron secret");
        }

        // GhStats:RateLimits:Cron is a rate limit, not the secret: only a GhStats:Cron section could hold one.
        foreach (var file in new[] { "appsettings.json", "appsettings.Development.json" })
        {
            GhStatsSection(app, file).TryGetProperty("Cron", out _).ShouldBeFalse($"{file} has a GhStats:Cron section");
            app.Read(file).ShouldNotContain("\"Secret\"", Case.Sensitive, file);
        }
    }

    [Theory]
    [MemberData(nameof(EveryVariant))]
    public async Task Appsettings_ShowTheOperatorsSecuritySettings_EmptyOrAtTheirDefaults(string storage, string signin)
    {
        var app = await templates.GenerateAsync(storage, signin);

        var settings = GhStatsSection(app, "appsettings.json");

        settings.GetProperty("GitHub").GetProperty("AllowedHosts").GetArrayLength().ShouldBe(0, "no GitHub Enterprise host is allowed until the operator lists one");
        settings.GetProperty("ForwardedHeaders").GetProperty("KnownProxies").GetArrayLength().ShouldBe(0, "no proxy is trusted until the operator names one");
        settings.GetProperty("ForwardedHeaders").GetProperty("KnownNetworks").GetArrayLength().ShouldBe(0);
        var limits = settings.GetProperty("RateLimits");
        limits.GetProperty("ApiToken").GetProperty("PermitLimit").GetInt32().ShouldBe(600);
        limits.GetProperty("Cron").GetProperty("PermitLimit").GetInt32().ShouldBe(60);
        limits.GetProperty("SignIn").GetProperty("PermitLimit").GetInt32().ShouldBe(60);
        app.Read("appsettings.json").ShouldContain("\"Host\": \"github.example.com\"", Case.Sensitive, "the example GitHub Enterprise host in a comment");
    }

    private static System.Text.Json.JsonElement GhStatsSection(GeneratedApp app, string file)
    {
        using var json = System.Text.Json.JsonDocument.Parse(
            app.Read(file), new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return json.RootElement.GetProperty("GhStats").Clone();
    }

    [Fact]
    public async Task CronSecret_IsNewForEachProject()
    {
        var first = await templates.GenerateAsync("sqlite", "oidc");
        var second = await templates.GenerateAsync("sqlite", "oidc");

        first.UserSecretsId().ShouldNotBe(second.UserSecretsId());
        first.UserSecrets()["GhStats:Cron:Secret"].ShouldNotBe(second.UserSecrets()["GhStats:Cron:Secret"]);
    }

    [Theory]
    [MemberData(nameof(EveryVariant))]
    public async Task Project_ReferencesTheGhStatsPackages_AtThePackedVersion(string storage, string signin)
    {
        var app = await templates.GenerateAsync(storage, signin);

        var project = app.Read(app.Name + ".csproj");
        project.ShouldContain($"<GhStatsVersion>{templates.PackedVersion}</GhStatsVersion>");
        project.ShouldContain("<PackageReference Include=\"GhStats.Web\" Version=\"$(GhStatsVersion)\" />");
        project.ShouldContain("<PackageReference Include=\"GhStats.GitHub\" Version=\"$(GhStatsVersion)\" />");
        project.ShouldContain("<PackageReference Include=\"GhStats.Notifications\" Version=\"$(GhStatsVersion)\" />");
        project.ShouldContain($"<PackageReference Include=\"GhStats.{StorageProviders[storage]}\" Version=\"$(GhStatsVersion)\" />");
        foreach (var other in StorageProviders.Where(p => p.Key != storage))
        {
            project.ShouldNotContain($"\"GhStats.{other.Value}\"");
        }

        project.ShouldNotContain("ProjectReference");
        app.Read("Program.cs").ShouldContain($".Use{StorageProviders[storage]}()");
    }

    [Theory]
    [MemberData(nameof(EveryVariant))]
    public async Task Readme_TellsHowToScheduleCollection_OnCodeEngineKubernetesAndGitHubActions(string storage, string signin)
    {
        var app = await templates.GenerateAsync(storage, signin);

        var readme = app.Read("README.md");
        readme.ShouldContain("ibmcloud ce subscription cron create");
        readme.ShouldContain("kind: CronJob");
        readme.ShouldContain("secretKeyRef");
        readme.ShouldContain("GitHub Actions");
        readme.ShouldContain("schedule:");
        readme.ShouldContain("${{ secrets.GHSTATS_CRON_SECRET }}");
        readme.ShouldContain("export GhStats__Cron__Secret=$(openssl rand -hex 32)");
        readme.ShouldContain("/signin-oidc");
        readme.ShouldContain("IBM App ID");
        readme.ShouldContain("Entra ID");
        readme.ShouldContain("Keycloak");
        readme.ShouldNotContain("#if");
        readme.ShouldNotContain("#endif");
    }

    [Theory]
    [MemberData(nameof(EveryVariant))]
    public async Task Dockerfile_BuildsWithTheSdk_AndRunsAsNonRootOnAspNet(string storage, string signin)
    {
        var app = await templates.GenerateAsync(storage, signin);

        var dockerfile = app.Read("Dockerfile");
        dockerfile.ShouldContain("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build");
        dockerfile.ShouldContain("FROM mcr.microsoft.com/dotnet/aspnet:10.0");
        dockerfile.ShouldContain("USER $APP_UID");
        dockerfile.ShouldContain("VOLUME /app/App_Data");
        dockerfile.ShouldContain("ASPNETCORE_URLS=");
        dockerfile.ShouldContain($"ENTRYPOINT [\"dotnet\", \"{app.Name}.dll\"]");
        app.Read(".gitignore").ShouldContain("App_Data/");
        app.Read(".gitignore").ShouldContain("bin/");
        app.Read(".gitignore").ShouldContain("obj/");
    }

    [Theory]
    [InlineData("oidc")]
    [InlineData("development")]
    public async Task Db2Variant_AddsIbmDriverForLinux_AndItsReadmeNamesEveryDriverPackage(string signin)
    {
        var app = await templates.GenerateAsync("db2", signin);

        var project = app.Read(app.Name + ".csproj");
        project.ShouldContain("<PackageReference Include=\"Net.IBM.Data.Db2-lnx\"");
        project.ShouldContain("IsOSPlatform('Linux')");
        var readme = app.Read("README.md");
        readme.ShouldContain("Net.IBM.Data.Db2-lnx");
        readme.ShouldContain("`Net.IBM.Data.Db2`");
        readme.ShouldContain("Net.IBM.Data.Db2-osx");
        app.Read("Dockerfile").ShouldContain("LD_LIBRARY_PATH=/app/clidriver/lib");
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task OtherStorage_HasNoIbmDriver(string storage)
    {
        var app = await templates.GenerateAsync(storage, "oidc");

        app.Read(app.Name + ".csproj").ShouldNotContain("Net.IBM.Data.Db2");
        app.Read("Dockerfile").ShouldNotContain("clidriver");
    }

    [Fact]
    public async Task DevelopmentSignIn_MakesAdminLocalhostTheFirstAdmin_InDevelopmentOnly()
    {
        var app = await templates.GenerateAsync("sqlite", "development");

        app.Read("appsettings.Development.json").ShouldContain("\"AdminEmails\": [ \"admin@localhost\" ]");
        app.Read("appsettings.json").ShouldNotContain("admin@localhost");
        app.Read("appsettings.json").ShouldNotContain("\"Oidc\"");
    }

    [Fact]
    public async Task OidcSignIn_LeavesTheProviderToConfigure_AndTheClientSecretOutOfFiles()
    {
        var app = await templates.GenerateAsync("sqlite", "oidc");

        var settings = app.Read("appsettings.json");
        settings.ShouldContain("\"Authority\": \"\"");
        settings.ShouldContain("\"ClientId\": \"\"");
        settings.ShouldNotContain("ClientSecret\":");
        app.Read("appsettings.Development.json").ShouldContain("\"DevelopmentSignIn\": false");
        app.Read("appsettings.Development.json").ShouldNotContain("admin@localhost");
    }

    private static readonly Dictionary<string, string> StorageProviders = new()
    {
        ["sqlite"] = "Sqlite",
        ["postgres"] = "Postgres",
        ["db2"] = "Db2",
    };

    [GeneratedRegex("^[0-9A-Fa-f]{64}$")]
    private static partial Regex HexSecret();
}
