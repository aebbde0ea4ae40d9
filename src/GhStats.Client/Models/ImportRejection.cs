namespace GhStats.Client.Models;

/// <summary>A source row left out.</summary>
/// <param name="Where">File and line, e.g. <c>repostats.csv:12</c>.</param>
/// <param name="Reason">Why, e.g. <c>uniques above totals (views 3, unique 5)</c>.</param>
public sealed record ImportRejection(string Where, string Reason);
