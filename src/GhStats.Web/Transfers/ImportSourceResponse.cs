namespace GhStats.Web.Transfers;

/// <summary>An import source, by the name a request gives it (<c>ibm-csv</c>, <c>ghstats-sqlite</c>, ...).</summary>
internal sealed record ImportSourceResponse(string Name);
