using GhStats.Domain;

namespace GhStats.Bench.Queries;

/// <summary>What the query benchmark (the `web` command) runs.</summary>
/// <param name="Repositories">Repositories in the one tenant.</param>
/// <param name="Days">Days of daily traffic per repository; the series asks for all of them.</param>
/// <param name="SummaryDays">Days the tenant summary covers, ending on the last day with data.</param>
/// <param name="Connections">Concurrency levels, each a run of its own.</param>
/// <param name="Warmup">Load before each measured window.</param>
/// <param name="Duration">Each measured window.</param>
/// <param name="Rounds">Rounds; odd ones run the baseline first, even ones GhStats first; the median by requests/s is shown.</param>
/// <param name="Endpoints">"series", "summary" or both.</param>
/// <param name="Role">The caller's role in the tenant; null for a system admin.</param>
/// <param name="ServerGc">Run the server process with the server GC, as an ASP.NET Core app (Microsoft.NET.Sdk.Web) runs by default.</param>
/// <param name="Diagnose">Also run the diagnostic rungs: /healthz, /api/v1/me, and the store calls alone (see <see cref="StoreProbe"/>).</param>
internal sealed record QueryOptions(
    int Repositories,
    int Days,
    int SummaryDays,
    IReadOnlyList<int> Connections,
    TimeSpan Warmup,
    TimeSpan Duration,
    int Rounds,
    IReadOnlyList<string> Endpoints,
    TenantRole? Role,
    bool ServerGc,
    bool Diagnose)
{
    public const string Series = "series";
    public const string Summary = "summary";

    public const string Usage =
        "[--repos 1000] [--days 1096] [--summary-days 90] [--connections 1,16] [--warmup 10] [--duration 15] [--rounds 1] " +
        "[--endpoints series,summary] [--role viewer|owner|admin] [--server-gc true|false] [--diagnose false|true]";

    /// <summary>DESIGN.md's shape: 1,000 repositories x 3 years, a 90-day summary; 1 and 16 connections; 10 s warm-up (GhStats' slower endpoints need it for tiered JIT to settle).</summary>
    public static readonly QueryOptions Defaults = new(1000, 1096, 90, [1, 16], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), 1, [Series, Summary], TenantRole.Viewer, true, false);

    /// <summary>Reads the options after the command.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">When an option is unknown or out of range.</exception>
    public static QueryOptions Parse(IReadOnlyList<string> args)
    {
        var values = CommandLine.Pairs(args, "--repos", "--days", "--summary-days", "--connections", "--warmup", "--duration", "--rounds", "--endpoints", "--role", "--server-gc", "--diagnose");
        var options = Defaults;
        foreach (var (name, value) in values)
        {
            options = name switch
            {
                "--repos" => options with { Repositories = CommandLine.Number(name, value, 1, 100_000) },
                "--days" => options with { Days = CommandLine.Number(name, value, 14, 3660) },
                "--summary-days" => options with { SummaryDays = CommandLine.Number(name, value, 1, 3660) },
                "--connections" => options with { Connections = CommandLine.Numbers(name, value, 1, 1024) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(CommandLine.Number(name, value, 0, 3600)) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(CommandLine.Number(name, value, 1, 3600)) },
                "--rounds" => options with { Rounds = CommandLine.Number(name, value, 1, 99) },
                "--endpoints" => options with { Endpoints = Endpoint(value) },
                "--role" => options with { Role = ServerOptions.RoleFrom(value) },
                "--server-gc" => options with { ServerGc = Flag(name, value) },
                "--diagnose" => options with { Diagnose = Flag(name, value) },
                _ => throw new ArgumentException($"Unknown option '{name}'.", nameof(args)),
            };
        }

        return options with { SummaryDays = Math.Min(options.SummaryDays, options.Days) };
    }

    /// <summary>The command line that repeats this run.</summary>
    /// <returns>The options as given to `web`.</returns>
    public string ToArguments() => FormattableString.Invariant(
        $"--repos {Repositories} --days {Days} --summary-days {SummaryDays} --connections {string.Join(',', Connections)} --warmup {Warmup.TotalSeconds} --duration {Duration.TotalSeconds} --rounds {Rounds} --endpoints {string.Join(',', Endpoints)} --role {ServerOptions.RoleName(Role)} --server-gc {(ServerGc ? "true" : "false")} --diagnose {(Diagnose ? "true" : "false")}");

    private static bool Flag(string option, string value) => value switch
    {
        "true" => true,
        "false" => false,
        _ => throw new ArgumentException($"{option} is true or false, not '{value}'.", nameof(value)),
    };

    private static IReadOnlyList<string> Endpoint(string value)
    {
        var endpoints = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return endpoints.Length > 0 && endpoints.All(e => e is Series or Summary)
            ? endpoints
            : throw new ArgumentException($"--endpoints is series, summary or series,summary, not '{value}'.", nameof(value));
    }
}
