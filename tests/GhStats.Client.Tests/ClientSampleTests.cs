using GhStats.Client.Tests.Harness;
using GhStats.ClientSample;
using GhStats.Stores;
using Shouldly;
using Xunit;

namespace GhStats.Client.Tests;

/// <summary>samples/GhStats.ClientSample, the nightly report, against a real server with seeded traffic.</summary>
public sealed class ClientSampleTests
{
    [Fact]
    public async Task TheNightlyReport_PrintsTheTable_AndWritesTheSeededDaysToItsCsv()
    {
        await using var server = await GhStatsServer.StartAsync();
        var tenant = await server.Get<ITenantStore>().CreateAsync("acme", "Acme");
        var repository = await server.Get<IRepositoryStore>().AddAsync(tenant.Id, "octo", "seeded", null);
        var days = await server.SeedTrafficAsync(repository.Id, DateOnly.FromDateTime(DateTime.UtcNow));
        var admin = await server.CreateUserAsync("admin@sample.example", GhStats.Domain.SystemRole.Admin);
        var folder = Directory.CreateTempSubdirectory("ghstats-sample-").FullName;
        var csvPath = Path.Combine(folder, "report.csv");
        using var output = new StringWriter();
        using var errors = new StringWriter();

        try
        {
            var exit = await NightlyReport.RunAsync(
                ["--url", server.BaseAddress.ToString(), "--out", csvPath], Environment(admin.Token), output, errors);

            exit.ShouldBe(NightlyReport.Ok, errors.ToString());
            var table = output.ToString().Split('\n').Select(l => l.TrimEnd()).ToList();
            table[0].ShouldStartWith("1 repositories");
            table.ShouldContain(l => l.StartsWith("octo/seeded", StringComparison.Ordinal) && l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5).SequenceEqual(new[] { "octo/seeded", "91", "7", "35", "1" }));
            var csv = await File.ReadAllLinesAsync(csvPath);
            csv[0].ShouldBe("tenant,repository,date,coverage,views,unique_views,clones,unique_clones");
            // The report's range lists every day; the seeded ones are known (partial: stored without a window read), the others not collected.
            csv[1..].Where(l => !l.EndsWith(",notCollected,,,,", StringComparison.Ordinal))
                .ShouldBe(days.Select(d => $"acme,octo/seeded,{d.Day:yyyy-MM-dd},partial,{d.Views},{d.UniqueViews},{d.Clones},{d.UniqueClones}"));
            csv[^1].ShouldStartWith($"acme,octo/seeded,{days[^1].Day:yyyy-MM-dd},");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TheNightlyReport_ExitsWith1_AndTheProblem_ForAnUnknownTenant()
    {
        await using var server = await GhStatsServer.StartAsync();
        var user = await server.CreateUserAsync("user@sample.example");
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await NightlyReport.RunAsync(["--tenant", "nope"], name => name switch
        {
            "GHSTATS_URL" => server.BaseAddress.ToString(),
            "GHSTATS_TOKEN" => user.Token,
            _ => null,
        }, output, errors);

        exit.ShouldBe(NightlyReport.ApiError);
        errors.ToString().ShouldStartWith("GhStats answered 404 Not found:");
    }

    [Fact]
    public async Task TheNightlyReport_ExitsWith2_WithoutAToken()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await NightlyReport.RunAsync([], _ => null, output, errors);

        exit.ShouldBe(NightlyReport.Usage);
        errors.ToString().ShouldContain("GhStatsClientOptions.Token is missing");
    }

    private static Func<string, string?> Environment(string token) => name => name == "GHSTATS_TOKEN" ? token : null;
}
