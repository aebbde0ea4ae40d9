using GhStats.Domain;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task SetMember_AddsTheMember_ThenChangesTheRole()
    {
        var tenant = await NewTenantAsync();
        var user = await NewUserAsync();

        await Memberships.SetMemberAsync(tenant.Id, user.Id, TenantRole.Viewer);
        (await Memberships.ListMembersAsync(tenant.Id)).ShouldBe([new TenantMember(user, TenantRole.Viewer)]);

        await Memberships.SetMemberAsync(tenant.Id, user.Id, TenantRole.Owner);
        (await Memberships.ListMembersAsync(tenant.Id)).ShouldBe([new TenantMember(user, TenantRole.Owner)]);
        (await Memberships.ListMembershipsAsync(user.Id)).ShouldBe([new Membership(tenant.Id, user.Id, TenantRole.Owner)]);
    }

    [StoreFact]
    public async Task SetMember_Throws_WhenTheTenantOrUserIsUnknown()
    {
        var tenant = await NewTenantAsync();
        var user = await NewUserAsync();

        (await Should.ThrowAsync<GhStatsNotFoundException>(() => Memberships.SetMemberAsync(-1, user.Id, TenantRole.Viewer))).Entity.ShouldBe("tenant");
        (await Should.ThrowAsync<GhStatsNotFoundException>(() => Memberships.SetMemberAsync(tenant.Id, -1, TenantRole.Viewer))).Entity.ShouldBe("user");
        (await Memberships.ListMembershipsAsync(user.Id)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task ListMembers_ShowsOnlyTheTenantsMembers_ByEmail()
    {
        var tenant = await NewTenantAsync();
        var other = await NewTenantAsync();
        var unique = Unique();
        var zed = await Users.CreateAsync("https://issuer.example/" + unique, "z", $"zed-{unique}@example.com", "Zed");
        var amy = await Users.CreateAsync("https://issuer.example/" + unique, "a", $"amy-{unique}@example.com", "Amy");
        var outsider = await NewUserAsync();
        await Memberships.SetMemberAsync(tenant.Id, zed.Id, TenantRole.Owner);
        await Memberships.SetMemberAsync(tenant.Id, amy.Id, TenantRole.Viewer);
        await Memberships.SetMemberAsync(other.Id, outsider.Id, TenantRole.Owner);

        var members = await Memberships.ListMembersAsync(tenant.Id);

        members.ShouldBe([new TenantMember(amy, TenantRole.Viewer), new TenantMember(zed, TenantRole.Owner)]);
    }

    [StoreFact]
    public async Task ListMemberships_ListsEveryTenantOfTheUser_WithItsRole()
    {
        var first = await NewTenantAsync();
        var second = await NewTenantAsync();
        var user = await NewUserAsync();
        await Memberships.SetMemberAsync(first.Id, user.Id, TenantRole.Owner);
        await Memberships.SetMemberAsync(second.Id, user.Id, TenantRole.Viewer);

        var memberships = await Memberships.ListMembershipsAsync(user.Id);

        memberships.ShouldBe(
            [new Membership(first.Id, user.Id, TenantRole.Owner), new Membership(second.Id, user.Id, TenantRole.Viewer)], ignoreOrder: true);
    }

    [StoreFact]
    public async Task RemoveMember_ReportsWhetherThereWasAMembership()
    {
        var tenant = await NewTenantAsync();
        var user = await NewUserAsync();
        var stays = await NewUserAsync();
        await Memberships.SetMemberAsync(tenant.Id, user.Id, TenantRole.Viewer);
        await Memberships.SetMemberAsync(tenant.Id, stays.Id, TenantRole.Viewer);

        (await Memberships.RemoveMemberAsync(tenant.Id, user.Id)).ShouldBeTrue();
        (await Memberships.RemoveMemberAsync(tenant.Id, user.Id)).ShouldBeFalse();

        (await Memberships.ListMembersAsync(tenant.Id)).Select(m => m.User.Id).ShouldBe([stays.Id]);
    }

    [StoreFact]
    public async Task Invite_StoresTheEmailInLowerCase()
    {
        var tenant = await NewTenantAsync();
        var unique = Unique();

        var invitation = await Memberships.InviteAsync(tenant.Id, $"Guest-{unique}@Example.com", TenantRole.Viewer);

        invitation.ShouldBe(new Invitation(tenant.Id, $"guest-{unique}@example.com", TenantRole.Viewer, Start));
        (await Memberships.ListInvitationsAsync(tenant.Id)).ShouldBe([invitation]);
    }

    [StoreFact]
    public async Task Invite_ChangesTheRoleOfAPendingInvitation_AndKeepsItsDate()
    {
        var tenant = await NewTenantAsync();
        var email = $"guest-{Unique()}@example.com";
        await Memberships.InviteAsync(tenant.Id, email, TenantRole.Viewer);
        Clock.Advance(TimeSpan.FromDays(1));

        var again = await Memberships.InviteAsync(tenant.Id, email.ToUpperInvariant(), TenantRole.Owner);

        again.ShouldBe(new Invitation(tenant.Id, email, TenantRole.Owner, Start));
        (await Memberships.ListInvitationsAsync(tenant.Id)).ShouldBe([again]);
    }

    [StoreFact]
    public async Task Invite_RefusesAMalformedOrOverLongEmail()
    {
        var tenant = await NewTenantAsync();

        await Should.ThrowAsync<ArgumentException>(() => Memberships.InviteAsync(tenant.Id, "not-an-email", TenantRole.Viewer));
        await Should.ThrowAsync<ArgumentException>(() => Memberships.InviteAsync(tenant.Id, new string('a', FieldLimits.Email) + "@example.com", TenantRole.Viewer));
        (await Memberships.ListInvitationsAsync(tenant.Id)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task Invite_Throws_ForAnUnknownTenant()
    {
        var exception = await Should.ThrowAsync<GhStatsNotFoundException>(() => Memberships.InviteAsync(-1, $"guest-{Unique()}@example.com", TenantRole.Viewer));

        exception.Entity.ShouldBe("tenant");
    }

    [StoreFact]
    public async Task ListInvitations_ShowsOnlyTheTenantsInvitations_ByEmail()
    {
        var tenant = await NewTenantAsync();
        var other = await NewTenantAsync();
        var unique = Unique();
        await Memberships.InviteAsync(tenant.Id, $"zed-{unique}@example.com", TenantRole.Owner);
        await Memberships.InviteAsync(tenant.Id, $"amy-{unique}@example.com", TenantRole.Viewer);
        await Memberships.InviteAsync(other.Id, $"bob-{unique}@example.com", TenantRole.Viewer);

        var emails = (await Memberships.ListInvitationsAsync(tenant.Id)).Select(i => i.Email);

        emails.ShouldBe([$"amy-{unique}@example.com", $"zed-{unique}@example.com"]);
    }

    [StoreFact]
    public async Task ListInvitationsForEmail_ShowsThatEmailsInvitationsInEveryTenant_InAnyCase()
    {
        var first = await NewTenantAsync();
        var second = await NewTenantAsync();
        var email = $"guest-{Unique()}@example.com";
        await Memberships.InviteAsync(first.Id, email, TenantRole.Owner);
        await Memberships.InviteAsync(second.Id, email, TenantRole.Viewer);
        await Memberships.InviteAsync(second.Id, $"other-{Unique()}@example.com", TenantRole.Viewer);

        var invitations = await Memberships.ListInvitationsForEmailAsync(email.ToUpperInvariant());

        invitations.Select(i => (i.TenantId, i.Role)).OrderBy(i => i.TenantId)
            .ShouldBe([(first.Id, TenantRole.Owner), (second.Id, TenantRole.Viewer)]);
    }

    [StoreFact]
    public async Task RevokeInvitation_ReportsWhetherThereWasOne_InAnyCase()
    {
        var tenant = await NewTenantAsync();
        var email = $"guest-{Unique()}@example.com";
        await Memberships.InviteAsync(tenant.Id, email, TenantRole.Viewer);

        (await Memberships.RevokeInvitationAsync(tenant.Id, email.ToUpperInvariant())).ShouldBeTrue();
        (await Memberships.RevokeInvitationAsync(tenant.Id, email)).ShouldBeFalse();

        (await Memberships.ListInvitationsAsync(tenant.Id)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task AcceptInvitations_TurnsEveryInvitationIntoAMembership_AndDeletesThem()
    {
        var first = await NewTenantAsync();
        var second = await NewTenantAsync();
        var user = await NewUserAsync();
        var email = user.Email!;
        await Memberships.InviteAsync(first.Id, email, TenantRole.Owner);
        await Memberships.InviteAsync(second.Id, email, TenantRole.Viewer);

        var accepted = await Memberships.AcceptInvitationsAsync(user.Id, email.ToUpperInvariant());

        Membership[] expected = [new(first.Id, user.Id, TenantRole.Owner), new(second.Id, user.Id, TenantRole.Viewer)];
        accepted.ShouldBe(expected, ignoreOrder: true);
        (await Memberships.ListMembershipsAsync(user.Id)).ShouldBe(expected, ignoreOrder: true);
        (await Memberships.ListInvitationsAsync(first.Id)).ShouldBeEmpty();
        (await Memberships.ListInvitationsAsync(second.Id)).ShouldBeEmpty();
        (await Memberships.AcceptInvitationsAsync(user.Id, email)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task AcceptInvitations_KeepsTheStrongerRole_OfAnExistingMembership()
    {
        var owned = await NewTenantAsync();
        var viewed = await NewTenantAsync();
        var user = await NewUserAsync();
        await Memberships.SetMemberAsync(owned.Id, user.Id, TenantRole.Owner);
        await Memberships.SetMemberAsync(viewed.Id, user.Id, TenantRole.Viewer);
        await Memberships.InviteAsync(owned.Id, user.Email!, TenantRole.Viewer);
        await Memberships.InviteAsync(viewed.Id, user.Email!, TenantRole.Owner);

        var accepted = await Memberships.AcceptInvitationsAsync(user.Id, user.Email!);

        accepted.ShouldBe([new Membership(viewed.Id, user.Id, TenantRole.Owner)]);
        (await Memberships.ListMembershipsAsync(user.Id)).ShouldBe(
            [new Membership(owned.Id, user.Id, TenantRole.Owner), new Membership(viewed.Id, user.Id, TenantRole.Owner)], ignoreOrder: true);
        (await Memberships.ListInvitationsAsync(owned.Id)).ShouldBeEmpty();
        (await Memberships.ListInvitationsAsync(viewed.Id)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task AcceptInvitations_LeavesOtherEmailsInvitationsPending()
    {
        var tenant = await NewTenantAsync();
        var user = await NewUserAsync();
        var someoneElse = $"other-{Unique()}@example.com";
        await Memberships.InviteAsync(tenant.Id, someoneElse, TenantRole.Viewer);

        (await Memberships.AcceptInvitationsAsync(user.Id, user.Email!)).ShouldBeEmpty();

        (await Memberships.ListInvitationsAsync(tenant.Id)).Select(i => i.Email).ShouldBe([someoneElse]);
        (await Memberships.ListMembershipsAsync(user.Id)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task GrantRepository_ChangesNothing_WhenGrantedTwice()
    {
        var repository = await NewRepositoryAsync();
        var user = await NewUserAsync();

        await Memberships.GrantRepositoryAsync(user.Id, repository.Id);
        await Memberships.GrantRepositoryAsync(user.Id, repository.Id);

        (await Memberships.ListGrantsAsync(user.Id)).ShouldBe([new RepositoryGrant(user.Id, repository.Id)]);
    }

    [StoreFact]
    public async Task GrantRepository_Throws_WhenTheUserOrRepositoryIsUnknown()
    {
        var repository = await NewRepositoryAsync();
        var user = await NewUserAsync();

        (await Should.ThrowAsync<GhStatsNotFoundException>(() => Memberships.GrantRepositoryAsync(-1, repository.Id))).Entity.ShouldBe("user");
        (await Should.ThrowAsync<GhStatsNotFoundException>(() => Memberships.GrantRepositoryAsync(user.Id, -1))).Entity.ShouldBe("repository");
        (await Memberships.ListGrantsAsync(user.Id)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task RevokeRepository_ReportsWhetherThereWasAGrant()
    {
        var kept = await NewRepositoryAsync();
        var revoked = await NewRepositoryAsync();
        var user = await NewUserAsync();
        await Memberships.GrantRepositoryAsync(user.Id, kept.Id);
        await Memberships.GrantRepositoryAsync(user.Id, revoked.Id);

        (await Memberships.RevokeRepositoryAsync(user.Id, revoked.Id)).ShouldBeTrue();
        (await Memberships.RevokeRepositoryAsync(user.Id, revoked.Id)).ShouldBeFalse();

        (await Memberships.ListGrantsAsync(user.Id)).ShouldBe([new RepositoryGrant(user.Id, kept.Id)]);
    }
}
