using GhStats.Domain;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

/// <summary>Session stamps: every change that shrinks a person's access changes their stamp, so their sessions end everywhere.</summary>
public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task SessionStamp_IsNull_ForAnUnknownUser_AndEndingItsSessionsChangesNothing()
    {
        (await Users.GetSessionStampAsync(-1)).ShouldBeNull();

        await Users.EndSessionsAsync(-1);

        (await Users.GetSessionStampAsync(-1)).ShouldBeNull();
    }

    [StoreFact]
    public async Task EndSessions_ChangesTheStamp_OfThatUserOnly()
    {
        var user = await NewUserAsync();
        var other = await NewUserAsync();
        var before = await Users.GetSessionStampAsync(user.Id);
        var otherBefore = await Users.GetSessionStampAsync(other.Id);
        before.ShouldNotBeNull();

        await Users.EndSessionsAsync(user.Id);

        (await Users.GetSessionStampAsync(user.Id)).ShouldNotBe(before);
        (await Users.GetSessionStampAsync(other.Id)).ShouldBe(otherBefore);
    }

    [StoreFact]
    public async Task SessionStamp_Changes_WhenAMemberIsRemovedOrDemoted_NotWhenAdded()
    {
        var tenant = await NewTenantAsync();
        var user = await NewUserAsync();
        var initial = await Users.GetSessionStampAsync(user.Id);

        await Memberships.SetMemberAsync(tenant.Id, user.Id, TenantRole.Owner);
        var added = await Users.GetSessionStampAsync(user.Id);
        await Memberships.SetMemberAsync(tenant.Id, user.Id, TenantRole.Viewer);
        var demoted = await Users.GetSessionStampAsync(user.Id);
        await Memberships.RemoveMemberAsync(tenant.Id, user.Id);
        var removed = await Users.GetSessionStampAsync(user.Id);

        added.ShouldBe(initial);
        demoted.ShouldNotBe(added);
        removed.ShouldNotBe(demoted);
    }

    [StoreFact]
    public async Task SessionStamp_Changes_WhenARepositoryGrantOrASystemRoleIsTakenAway()
    {
        var user = await NewUserAsync();
        var repository = await NewRepositoryAsync();
        await Memberships.GrantRepositoryAsync(user.Id, repository.Id);
        await Users.AddSystemRoleAsync(user.Id, SystemRole.Admin);
        var granted = await Users.GetSessionStampAsync(user.Id);

        (await Memberships.RevokeRepositoryAsync(user.Id, repository.Id)).ShouldBeTrue();
        var revoked = await Users.GetSessionStampAsync(user.Id);
        (await Users.RemoveSystemRoleAsync(user.Id, SystemRole.Admin)).ShouldBeTrue();
        var demoted = await Users.GetSessionStampAsync(user.Id);

        revoked.ShouldNotBe(granted);
        demoted.ShouldNotBe(revoked);
    }
}
