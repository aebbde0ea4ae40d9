namespace GhStats.Web.Api.Contracts;

/// <summary>The outcome of setting a member: status is member (already a member of this tenant, or the caller) or invited.</summary>
internal sealed record SetMemberResponse(string Email, string Role, string Status);
