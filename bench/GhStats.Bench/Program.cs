using System.Text.Json;
using GhStats.Bench;
using GhStats.Bench.Cold;
using GhStats.Bench.Merge;
using GhStats.Bench.Overview;
using GhStats.Bench.Queries;

// dotnet run -c Release --project bench/GhStats.Bench -- merge [--repos 1000] [--days 1096] [--rounds 3] [--provider sqlite|postgres|all]
// dotnet run -c Release --project bench/GhStats.Bench -- import [--repos 1000] [--days 1096] [--rounds 3] [--provider sqlite|postgres|all]
// dotnet run -c Release --project bench/GhStats.Bench -- batch [--repos 100] [--days 1096] [--rounds 1] [--provider sqlite|postgres|all]
// dotnet run -c Release --project bench/GhStats.Bench -- cold [--repos 1000] [--days 1096] [--series-days 3653] [--calls 200] [--provider sqlite|postgres|all]
// dotnet run -c Release --project bench/GhStats.Bench -- web [--connections 1,16] [--warmup 5] [--duration 15] ...
// dotnet run -c Release --project bench/GhStats.Bench -- overview [--repos 10000] [--days 90] [--provider sqlite|postgres|all]
// web starts this program again as its server process (web-server) and its load process (web-load); web-load also runs alone.
var usage = string.Join(
    Environment.NewLine,
    "Usage:",
    $"  GhStats.Bench merge|import|batch {MergeOptions.Usage}",
    $"  GhStats.Bench cold {ColdOptions.Usage}",
    $"  GhStats.Bench web {QueryOptions.Usage}",
    $"  GhStats.Bench web-load {LoadOptions.Usage}",
    $"  GhStats.Bench web-server {ServerOptions.Usage}   (started by web)",
    $"  GhStats.Bench overview {OverviewOptions.Usage}");
if (args is not [var command and ("merge" or "import" or "batch" or "cold" or "web" or "web-load" or "web-server" or "overview"), .. var rest])
{
    Console.Error.WriteLine(usage);
    return 2;
}

// Options are read first, so a usage error never hides an error of the run itself.
Func<Task<int>> run;
try
{
    run = command switch
    {
        "web" => new QueryBenchmark(QueryOptions.Parse(rest), RepositoryRoot.Find()).RunAsync,
        "overview" => new OverviewBenchmark(OverviewOptions.Parse(rest), RepositoryRoot.Find()).RunAsync,
        "web-server" => new QueryServer(ServerOptions.Parse(rest)).RunAsync,
        "web-load" => LoadAsync(LoadOptions.Parse(rest)),
        "cold" => new ColdBenchmark(ColdOptions.Parse(rest), RepositoryRoot.Find()).RunAsync,
        "merge" => new MergeBenchmark(MergeOptions.Parse(rest, MergeOptions.Merge), RepositoryRoot.Find()).RunAsync,
        "import" => new MergeBenchmark(MergeOptions.Parse(rest, MergeOptions.Import), RepositoryRoot.Find(), "import").RunAsync,
        _ => new BatchSizeBenchmark(MergeOptions.Parse(rest, MergeOptions.Batch), RepositoryRoot.Find()).RunAsync,
    };
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(usage);
    return 2;
}

return await run();

static Func<Task<int>> LoadAsync(LoadOptions load) => async () =>
{
    var result = await new LoadGenerator(load, Environment.GetEnvironmentVariable(LoadOptions.TokenVariable)).RunAsync();
    Console.WriteLine(load.Json
        ? JsonSerializer.Serialize(result, BenchJson.Options)
        : FormattableString.Invariant(
            $"{result.Url}: {result.Connections} connections, {result.WindowSeconds:0} s: {result.RequestsPerSecond:N0} requests/s, p50 {result.Latency.P50Ms:0.00} ms, p95 {result.Latency.P95Ms:0.00} ms, p99 {result.Latency.P99Ms:0.00} ms, max {result.Latency.MaxMs:0.00} ms, {result.Errors} errors{(result.FirstError is null ? string.Empty : $" (first: {result.FirstError})")}"));
    return 0;
};
