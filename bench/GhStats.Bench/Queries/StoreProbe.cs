using System.Globalization;
using System.Text.RegularExpressions;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace GhStats.Bench.Queries;

/// <summary>
/// Diagnostic endpoints mapped beside GhStats in its own app, anonymous: each runs only the store call behind the series
/// or the summary (ITrafficStore, as the real endpoint calls it) and answers with GhStats' recorded bytes. Against the
/// baseline they price the database work; against GhStats, everything else (authentication, roles, mapping, JSON).
/// </summary>
internal sealed partial class StoreProbe
{
    public const string SeriesPath = "/_bench/store/series";
    public const string SummaryPath = "/_bench/store/summary";

    private long _tenantId;
    private long _repositoryId;
    private DateRange? _seriesRange;
    private DateRange? _summaryRange;
    private byte[] _series = [];
    private byte[] _summary = [];
    private string _contentType = "application/json";
    private int _repositories;

    /// <summary>Maps the endpoints; they answer 503 until <see cref="Arm"/> has run.</summary>
    /// <param name="app">GhStats' app.</param>
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(SeriesPath, SeriesAsync);
        app.MapGet(SummaryPath, SummaryAsync);
    }

    /// <summary>Points the endpoints at the benchmark's queries and gives them the bytes to answer with.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="seriesPathAndQuery">The series request GhStats answered.</param>
    /// <param name="summaryPathAndQuery">The summary request GhStats answered.</param>
    /// <param name="series">GhStats' series bytes.</param>
    /// <param name="summary">GhStats' summary bytes.</param>
    /// <param name="contentType">GhStats' Content-Type.</param>
    /// <param name="repositories">Rows the summary must have.</param>
    public void Arm(Tenant tenant, string seriesPathAndQuery, string summaryPathAndQuery, byte[] series, byte[] summary, string contentType, int repositories)
    {
        _tenantId = tenant.Id;
        _repositoryId = long.Parse(RepositoryId().Match(seriesPathAndQuery).Groups[1].Value, CultureInfo.InvariantCulture);
        _seriesRange = RangeOf(seriesPathAndQuery);
        _summaryRange = RangeOf(summaryPathAndQuery);
        _series = series;
        _summary = summary;
        _contentType = contentType;
        _repositories = repositories;
    }

    private static DateRange RangeOf(string pathAndQuery)
    {
        var query = QueryHelpers.ParseQuery(new Uri("http://x" + pathAndQuery).Query);
        DateOnly Day(string name) => DateOnly.ParseExact(query[name].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new DateRange(Day("from"), Day("to"));
    }

    [GeneratedRegex("/repos/([0-9]+)/traffic")]
    private static partial Regex RepositoryId();

    private async Task<IResult> SeriesAsync(ITrafficStore traffic, CancellationToken cancellationToken)
    {
        if (_seriesRange is not { } range)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var series = await traffic.GetTrafficSeriesAsync(_tenantId, _repositoryId, range, TrafficPeriod.Day, cancellationToken);
        return series.Points.Count == range.Days
            ? Results.Bytes(_series, _contentType)
            : Results.Problem($"The store gave {series.Points.Count} points, not {range.Days}.");
    }

    private async Task<IResult> SummaryAsync(ITrafficStore traffic, CancellationToken cancellationToken)
    {
        if (_summaryRange is not { } range)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var rows = await traffic.GetTenantSummaryAsync(_tenantId, range, null, cancellationToken);
        return rows.Count == _repositories
            ? Results.Bytes(_summary, _contentType)
            : Results.Problem($"The store gave {rows.Count} rows, not {_repositories}.");
    }
}
