using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace GhStats.Web.Api;

/// <summary>
/// Reads and checks the summary's <c>sort</c>, <c>order</c>, <c>offset</c>, <c>limit</c> and <c>name</c>: as text, as
/// <see cref="PageQuery"/> reads its values, so a bad one is a 400 with its reason rather than a binding failure.
/// </summary>
internal static class SummaryQuery
{
    /// <summary>The most rows one page answers.</summary>
    public const int MaxLimit = 200;

    /// <summary>Longer than any GitHub owner/name (39 + 1 + 100).</summary>
    public const int MaxNameLength = 200;

    /// <summary>The sort keys: the row's own field names, the change and horizon fields by their inner name.</summary>
    public static readonly IReadOnlyList<string> SortKeys =
    [
        "fullName", "views", "viewsChange", "peakDailyUniqueViews", "clones", "clonesChange", "peakDailyUniqueClones",
        "stars", "forks", "daysSinceRead", "lastStatus", "lastCollectedAt",
    ];

    /// <summary>The query's paging, checked.</summary>
    /// <exception cref="ApiProblemException">A 400 naming the first bad value.</exception>
    public static SummaryPageQuery Page(HttpRequest request)
    {
        var sort = Single(request, "sort");
        if (sort is not null && !SortKeys.Contains(sort, StringComparer.Ordinal))
        {
            throw ApiProblems.Invalid("SortInvalid", string.Join(", ", SortKeys), sort);
        }

        var order = Single(request, "order");
        var descending = order switch
        {
            null or "asc" => false,
            "desc" => true,
            _ => throw ApiProblems.Invalid("OrderInvalid", order),
        };

        var offsetText = Single(request, "offset");
        var offset = 0;
        if (offsetText is not null && (!int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            throw ApiProblems.Invalid("OffsetInvalid", int.MaxValue, offsetText);
        }

        var limitText = Single(request, "limit");
        int? limit = limitText is null ? null : PageQuery.Limit(limitText, MaxLimit, MaxLimit);

        var name = Single(request, "name")?.Trim();
        if (name?.Length > MaxNameLength)
        {
            throw ApiProblems.Invalid("NameFilterTooLong", name.Length, MaxNameLength);
        }

        return new SummaryPageQuery(sort, descending, offset, limit, string.IsNullOrEmpty(name) ? null : name);
    }

    /// <summary>Puts the paging parameters in the OpenAPI document (they are read from the request, not bound).</summary>
    public static RouteHandlerBuilder WithSummaryPageQuery(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(Parameter("sort", "The row field to sort by; without it, rows come by tenant, owner and name. Ties go by name.", JsonSchemaType.String, [.. SortKeys]));
            operation.Parameters.Add(Parameter("order", "asc (the default) or desc; rows without a value (no stars yet, no comparable change) come last either way.", JsonSchemaType.String, "asc", "desc"));
            operation.Parameters.Add(Parameter("offset", "Matching rows to skip (0 by default).", JsonSchemaType.Integer));
            operation.Parameters.Add(Parameter("limit", FormattableString.Invariant($"Rows to answer, 1 to {MaxLimit}; without it, every matching row from offset on."), JsonSchemaType.Integer));
            operation.Parameters.Add(Parameter("name", FormattableString.Invariant($"Only repositories whose owner/name contains this text, ignoring case (at most {MaxNameLength} characters). matching and totals count these only."), JsonSchemaType.String));
            return Task.CompletedTask;
        });

    private static string? Single(HttpRequest request, string name)
    {
        var values = request.Query[name];
        if (values.Count > 1)
        {
            throw ApiProblems.Invalid("QueryRepeated", name, values.Count);
        }

        return values.Count == 0 || string.IsNullOrWhiteSpace(values[0]) ? null : values[0];
    }

    private static OpenApiParameter Parameter(string name, string description, JsonSchemaType type, params string[] values) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema
        {
            Type = type,
            Enum = values.Length == 0 ? null : values.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v)).ToList(),
        },
    };
}
