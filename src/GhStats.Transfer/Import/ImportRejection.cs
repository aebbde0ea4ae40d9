namespace GhStats.Transfer.Import;

/// <summary>A source row left out, with where it is and why.</summary>
/// <param name="Where">File and line, e.g. <c>REPOTRAFFIC.del:12</c>.</param>
/// <param name="Reason">Why, e.g. <c>uniques above totals (views 3, unique 5)</c>.</param>
public sealed record ImportRejection(string Where, string Reason);
