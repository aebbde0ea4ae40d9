namespace GhStats.Web.Api.Contracts;

/// <summary>An invitation not yet taken up by a sign-in.</summary>
internal sealed record InvitationResponse(string Email, string Role, DateTimeOffset CreatedAt);
