using System.Globalization;
using GhStats.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace GhStats.Web.Api;

/// <summary>Reads and checks <c>from</c>, <c>to</c> and <c>per</c> of a traffic query.</summary>
internal static class RangeQuery
{
    /// <summary>GitHub opened in 2008; nothing earlier can hold traffic.</summary>
    public static readonly DateOnly Earliest = new(2008, 1, 1);

    public static DateRange Range(HttpRequest request, GhStatsApiOptions options, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var to = Date(request, "to") ?? today;
        var from = Date(request, "from") ?? to.AddDays(-(options.DefaultRangeDays - 1));
        if (from > to)
        {
            throw ApiProblems.Invalid("RangeReversed", Iso(from), Iso(to));
        }

        if (from < Earliest || to > today.AddDays(1))
        {
            throw ApiProblems.Invalid("RangeOutside", Iso(Earliest), Iso(today.AddDays(1)));
        }

        var days = to.DayNumber - from.DayNumber + 1;
        if (days > options.MaxRangeDays)
        {
            throw ApiProblems.Invalid("RangeTooLong", days, options.MaxRangeDays);
        }

        return new DateRange(from, to);
    }

    /// <summary>
    /// Puts <c>from</c>, <c>to</c> and optionally <c>per</c> in the OpenAPI document: they are read from the request
    /// here rather than bound as handler parameters, so the document generator cannot see them.
    /// </summary>
    public static RouteHandlerBuilder WithRangeQuery(this RouteHandlerBuilder endpoint, bool per = false) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(Parameter("from", "The first UTC day, yyyy-MM-dd; by default the last days up to 'to' (GhStats:Api:DefaultRangeDays).", "date"));
            operation.Parameters.Add(Parameter("to", "The last UTC day, yyyy-MM-dd; today by default.", "date"));
            if (per)
            {
                operation.Parameters.Add(Parameter("per", "day (the default), week or month.", format: null, "day", "week", "month"));
            }

            return Task.CompletedTask;
        });

    public static TrafficPeriod Per(HttpRequest request) =>
        WireNames.PeriodFrom(request.Query["per"]) ?? throw ApiProblems.Invalid("PerInvalid", request.Query["per"].ToString());

    private static DateOnly? Date(HttpRequest request, string name)
    {
        var values = request.Query[name];
        if (values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw ApiProblems.Invalid("QueryRepeated", name, values.Count);
        }

        return DateOnly.TryParseExact(values[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw ApiProblems.Invalid("DateInvalid", name, values[0]);
    }

    /// <summary>A day as the API writes it, yyyy-MM-dd in every language (a wire value, not a date for people).</summary>
    public static string? Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static OpenApiParameter Parameter(string name, string description, string? format, params string[] values) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Format = format,
            Enum = values.Length == 0 ? null : values.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v)).ToList(),
        },
    };
}
