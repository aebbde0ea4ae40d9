namespace GhStats.Web.Api.Contracts;

/// <summary>The outcome of setting a member: status is member (a profile has that email) or invited.</summary>
internal sealed record SetMemberResponse(string Email, string Role, string Status);
