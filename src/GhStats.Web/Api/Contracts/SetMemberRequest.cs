namespace GhStats.Web.Api.Contracts;

/// <summary>Gives an email a role in a tenant: owner or viewer.</summary>
internal sealed record SetMemberRequest(string? Role);
