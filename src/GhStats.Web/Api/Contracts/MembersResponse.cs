namespace GhStats.Web.Api.Contracts;

/// <summary>A tenant's members and its pending invitations.</summary>
internal sealed record MembersResponse(IReadOnlyList<MemberResponse> Members, IReadOnlyList<InvitationResponse> Invitations);
