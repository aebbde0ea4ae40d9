namespace GhStats.Web.Api.Contracts;

/// <summary>Publishes (true) or unpublishes (false) a public dashboard.</summary>
internal sealed record PublishRequest(bool? Published);
