namespace GhStats.Web.Api.Contracts;

/// <summary>Turns a repository's public badges on (true) or off (false).</summary>
internal sealed record BadgesRequest(bool? Enabled);
