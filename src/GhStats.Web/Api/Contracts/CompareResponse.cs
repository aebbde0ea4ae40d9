namespace GhStats.Web.Api.Contracts;

/// <summary>Several repositories' values of one metric per day, week or month, absolute and normalised.</summary>
internal sealed record CompareResponse(string Tenant, string Metric, string Label, string Note, string Per, DateOnly From, DateOnly To, IReadOnlyList<CompareSeriesResponse> Repositories);
