namespace GhStats.Web.Api.Contracts;

/// <summary>A member of a tenant.</summary>
internal sealed record MemberResponse(long UserId, string? Email, string? DisplayName, string Role);
