using System.Globalization;
using GhStats.Client;

namespace GhStats.ClientSample;

/// <summary>
/// Lists the repositories a token may read, prints their last 30 days (views, unique visitors, clones, unique cloners)
/// and writes the daily figures to a CSV file. Exit codes: 0 done, 1 the server refused or failed, 2 bad usage.
/// </summary>
public static class NightlyReport
{
    public const int Ok = 0;
    public const int ApiError = 1;
    public const int Usage = 2;

    private const string DefaultUrl = "http://127.0.0.1:5080/";
    private const string DefaultOutput = "ghstats-report.csv";
    private const int Days = 30;

    private const string Help = """
        Usage: GhStats.ClientSample [--url <address>] [--token <ghst_...>] [--tenant <slug>] [--out <file.csv>]

          --url     the GhStats server (default: $GHSTATS_URL, else http://127.0.0.1:5080/)
          --token   a personal API token (default: $GHSTATS_TOKEN)
          --tenant  report one tenant only (default: every tenant the token sees)
          --out     where to write the CSV (default: ghstats-report.csv)
        """;

    /// <summary>Runs the report.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="environment">Reads an environment variable (GHSTATS_URL, GHSTATS_TOKEN).</param>
    /// <param name="output">Where the table goes.</param>
    /// <param name="errors">Where problems go.</param>
    /// <param name="cancellationToken">Stops the report.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(
        string[] args, Func<string, string?> environment, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        if (!TryParse(args, out var settings, out var problem))
        {
            await errors.WriteLineAsync(problem + Environment.NewLine + Help);
            return Usage;
        }

        var url = settings.GetValueOrDefault("url") ?? environment("GHSTATS_URL") ?? DefaultUrl;
        var token = settings.GetValueOrDefault("token") ?? environment("GHSTATS_TOKEN");
        var tenant = settings.GetValueOrDefault("tenant");
        var csvPath = settings.GetValueOrDefault("out") ?? DefaultOutput;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseAddress))
        {
            await errors.WriteLineAsync($"'{url}' is not an absolute address such as {DefaultUrl}.");
            return Usage;
        }

        IGhStatsClient client;
        try
        {
            client = GhStatsClient.Create(new GhStatsClientOptions { BaseAddress = baseAddress, Token = token });
        }
        catch (ArgumentException invalid)
        {
            await errors.WriteLineAsync(invalid.Message.Replace(" (Parameter 'options')", "", StringComparison.Ordinal));
            await errors.WriteLineAsync("Set GHSTATS_TOKEN (or --token) to a token from: dotnet run --project samples/GhStats.Host -- token create --email admin@localhost");
            return Usage;
        }

        using (client)
        {
            try
            {
                await ReportAsync(client, tenant, csvPath, output, cancellationToken);
                return Ok;
            }
            catch (GhStatsApiException refused)
            {
                await errors.WriteLineAsync($"GhStats answered {refused.Status} {refused.Title}: {refused.Detail}");
                return ApiError;
            }
            catch (GhStatsConnectionException unreachable)
            {
                await errors.WriteLineAsync(unreachable.Message);
                return ApiError;
            }
        }
    }

    private static async Task ReportAsync(IGhStatsClient client, string? tenant, string csvPath, TextWriter output, CancellationToken cancellationToken)
    {
        var to = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = to.AddDays(-(Days - 1));
        var repositories = await client.ListRepositoriesAsync(tenant, cancellationToken);
        await output.WriteLineAsync($"{repositories.Count} repositories, {from:yyyy-MM-dd} to {to:yyyy-MM-dd} (UTC)");
        var summary = await client.GetSummaryAsync(tenant, from, to, cancellationToken: cancellationToken);

        var rows = summary.Repositories.OrderBy(r => r.Tenant, StringComparer.Ordinal).ThenBy(r => r.FullName, StringComparer.Ordinal).ToList();
        var width = Math.Max("repository".Length, rows.Select(r => r.FullName.Length).DefaultIfEmpty(0).Max());
        await output.WriteLineAsync($"{"repository".PadRight(width)}  {"views",8}  {"unique*",8}  {"clones",8}  {"unique*",8}  last collected");
        foreach (var row in rows)
        {
            var collected = row.LastCollectedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{row.FullName.PadRight(width)}  {row.Views,8}  {row.PeakDailyUniqueViews,8}  {row.Clones,8}  {row.PeakDailyUniqueClones,8}  {collected} {row.LastStatus}"));
        }

        await output.WriteLineAsync("* unique visitors and cloners cannot be summed over days: the busiest day's count is shown, a lower bound.");

        await using (var csv = await client.ExportTenantTrafficCsvAsync(tenant, from, to, cancellationToken))
        await using (var file = File.Create(csvPath))
        {
            await csv.CopyToAsync(file, cancellationToken);
        }

        await output.WriteLineAsync($"Daily figures written to {Path.GetFullPath(csvPath)}");
    }

    private static bool TryParse(string[] args, out Dictionary<string, string> settings, out string problem)
    {
        settings = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = "";
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i] switch
            {
                "--url" or "--token" or "--tenant" or "--out" => args[i][2..],
                "-h" or "--help" => null,
                _ => "",
            };
            if (name is null)
            {
                problem = "GhStats nightly report.";
                return false;
            }

            if (name.Length == 0 || i + 1 >= args.Length)
            {
                problem = name.Length == 0 ? $"Unknown argument '{args[i]}'." : $"{args[i]} needs a value.";
                return false;
            }

            settings[name] = args[++i];
        }

        return true;
    }
}
