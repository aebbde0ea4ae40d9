using GhStats.Bench;
using GhStats.Bench.Merge;

// dotnet run -c Release --project bench/GhStats.Bench -- merge [--repos 1000] [--days 1096] [--rounds 3] [--provider sqlite|postgres|all]
// dotnet run -c Release --project bench/GhStats.Bench -- batch [--repos 100] [--days 1096] [--rounds 1] [--provider sqlite|postgres|all]
var usage = $"Usage: GhStats.Bench merge|batch {MergeOptions.Usage}";
if (args is not [var command and ("merge" or "batch"), .. var rest])
{
    Console.Error.WriteLine(usage);
    return 2;
}

MergeOptions options;
try
{
    options = MergeOptions.Parse(rest, command == "merge" ? MergeOptions.Merge : MergeOptions.Batch);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(usage);
    return 2;
}

var root = RepositoryRoot.Find();
return command == "merge"
    ? await new MergeBenchmark(options, root).RunAsync()
    : await new BatchSizeBenchmark(options, root).RunAsync();
