using GhStats.Administration;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api.Contracts;
using GhStats.Web.Auditing;
using GhStats.Web.Authorization;
using GhStats.Web.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GhStats.Web.Api;

/// <summary>
/// <c>/tenants/{tenant}/members</c>: owners give emails roles. A member of this tenant (or the caller) gets the role at
/// once; every other email is invited, whether or not a profile with it exists in another tenant, so the answer tells
/// an owner nothing about other tenants and nobody joins a tenant without signing in to accept.
/// </summary>
internal static class MemberEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tenants/{tenant}/members", ListAsync).WithName("ListMembers")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/tenants/{tenant}/members/{email}", SetAsync).WithName("SetMember")
            .Accepts<SetMemberRequest>("application/json").ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/tenants/{tenant}/members/{email}", RemoveAsync).WithName("RemoveMember")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<MembersResponse>> ListAsync(string tenant, HttpContext http, ApiAccess access, IMembershipStore memberships)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var members = await memberships.ListMembersAsync(found.Id, http.RequestAborted);
        var invitations = await memberships.ListInvitationsAsync(found.Id, http.RequestAborted);
        return TypedResults.Ok(new MembersResponse(
            members.Select(m => new MemberResponse(m.User.Id, m.User.Email, m.User.DisplayName, WireNames.Of(m.Role))).ToList(),
            invitations.Select(i => new InvitationResponse(i.Email, WireNames.Of(i.Role), i.CreatedAt)).ToList()));
    }

    private static async Task<Ok<SetMemberResponse>> SetAsync(
        string tenant, string email, HttpContext http, ApiAccess access, IMembershipStore memberships, IUserStore users, AccessCache cache)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var caller = await access.CallerAsync();
        var request = await ApiBody.ReadAsync<SetMemberRequest>(http);
        var role = WireNames.TenantRoleFrom(request.Role) ?? throw ApiProblems.Invalid("RoleInvalid", request.Role);
        if (role == TenantRole.Viewer)
        {
            await EnsureAnotherOwnerAsync(found, email, memberships, users, http.RequestAborted);
        }

        var previous = await RoleOfAsync(found, email, memberships, http.RequestAborted);
        var status = await SetRoleOrInviteAsync(found, email, role, caller, memberships, users, http.RequestAborted);
        cache.Invalidate();
        await RecordSetAsync(http, found, email, status, previous, role);
        return TypedResults.Ok(new SetMemberResponse(email.Trim().ToLowerInvariant(), WireNames.Of(role), status == MemberStatus.Member ? "member" : "invited"));
    }

    /// <summary>
    /// Profiles with the email that are members of this tenant, or the caller's own, get the role at once: the owner
    /// knows of both already. Any other email is invited, and becomes a membership when its person signs in with it.
    /// </summary>
    private static async Task<MemberStatus> SetRoleOrInviteAsync(
        Tenant tenant, string email, TenantRole role, GhStatsCaller caller, IMembershipStore memberships, IUserStore users, CancellationToken cancellationToken)
    {
        var members = (await memberships.ListMembersAsync(tenant.Id, cancellationToken)).Select(m => m.User.Id).ToHashSet();
        var direct = (await users.FindByEmailAsync(email, cancellationToken))
            .Where(profile => members.Contains(profile.Id) || profile.Id == caller.User.Id)
            .ToList();
        if (direct.Count == 0)
        {
            await memberships.InviteAsync(tenant.Id, email, role, cancellationToken);
            return MemberStatus.Invited;
        }

        foreach (var profile in direct)
        {
            await memberships.SetMemberAsync(tenant.Id, profile.Id, role, cancellationToken);
        }

        return MemberStatus.Member;
    }

    private static async Task<NoContent> RemoveAsync(
        string tenant, string email, HttpContext http, ApiAccess access, IMembershipStore memberships, IUserStore users, AccessCache cache)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        await EnsureAnotherOwnerAsync(found, email, memberships, users, http.RequestAborted);
        var removed = await memberships.RevokeInvitationAsync(found.Id, email, http.RequestAborted);
        if (removed)
        {
            await AuditTrail.Of(http).RecordAsync(AuditActions.InvitationRevoked, found.Id, AuditTargets.Invitation(email));
        }

        foreach (var profile in await users.FindByEmailAsync(email, http.RequestAborted))
        {
            if (await memberships.RemoveMemberAsync(found.Id, profile.Id, http.RequestAborted))
            {
                removed = true;
                await AuditTrail.Of(http).RecordAsync(AuditActions.MemberRemoved, found.Id, AuditTargets.Member(email), $"userId={profile.Id}");
            }
        }

        cache.Invalidate();
        return removed ? TypedResults.NoContent() : throw new GhStatsNotFoundException($"{email} is neither a member of nor invited to {found.Slug}.");
    }

    /// <summary>The role the email's member holds in the tenant before a change, if it is a member.</summary>
    private static async Task<TenantRole?> RoleOfAsync(Tenant tenant, string email, IMembershipStore memberships, CancellationToken cancellationToken) =>
        (await memberships.ListMembersAsync(tenant.Id, cancellationToken))
            .FirstOrDefault(m => string.Equals(m.User.Email, email.Trim(), StringComparison.OrdinalIgnoreCase))?.Role;

    /// <summary>An invitation, a new member, or a changed role; giving a member the role it holds changes nothing and is not recorded.</summary>
    private static Task RecordSetAsync(HttpContext http, Tenant tenant, string email, MemberStatus status, TenantRole? previous, TenantRole role)
    {
        var trail = AuditTrail.Of(http);
        return (status, previous) switch
        {
            (MemberStatus.Invited, _) => trail.RecordAsync(AuditActions.InvitationCreated, tenant.Id, AuditTargets.Invitation(email), $"role={WireNames.Of(role)}"),
            (_, null) => trail.RecordAsync(AuditActions.MemberAdded, tenant.Id, AuditTargets.Member(email), $"role={WireNames.Of(role)}"),
            (_, { } before) when before != role =>
                trail.RecordAsync(AuditActions.MemberRoleChanged, tenant.Id, AuditTargets.Member(email), $"role={WireNames.Of(before)} -> {WireNames.Of(role)}"),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>A tenant keeps at least one owner: the last one cannot be demoted or removed.</summary>
    private static async Task EnsureAnotherOwnerAsync(Tenant tenant, string email, IMembershipStore memberships, IUserStore users, CancellationToken cancellationToken)
    {
        var leaving = (await users.FindByEmailAsync(email, cancellationToken)).Select(p => p.Id).ToHashSet();
        var owners = (await memberships.ListMembersAsync(tenant.Id, cancellationToken)).Where(m => m.Role == TenantRole.Owner).ToList();
        if (owners.Count > 0 && owners.All(o => leaving.Contains(o.User.Id)))
        {
            throw new GhStatsConflictException($"{email} is the last owner of {tenant.Slug}; make someone else an owner first.");
        }
    }
}
