namespace GhStats.Web.Api.Contracts;

/// <summary>The cron endpoint's optional body: the secret (for schedulers that cannot set a header) and a tenant to collect alone.</summary>
internal sealed record CollectRequest(string? Token, string? Tenant);
