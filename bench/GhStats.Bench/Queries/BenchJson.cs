using System.Text.Json;

namespace GhStats.Bench.Queries;

/// <summary>How the query benchmark's processes talk to each other: camelCase JSON, one document per line.</summary>
internal static class BenchJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
