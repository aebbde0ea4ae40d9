namespace GhStats.Web.Api.Contracts;

/// <summary>
/// The sums over every row that matches (not only the page's): the overview's headline figures. Peak daily uniques are
/// not summed (a visitor of two repositories would count twice); stars and forks sum the rows that have them.
/// </summary>
internal sealed record SummaryTotalsResponse(int Repositories, long Views, long Clones, long Stars, long Forks);
