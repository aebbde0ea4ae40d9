using GhStats.Domain;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task CreateUser_StoresTheProfile_WithTheEmailInLowerCase()
    {
        var unique = Unique();

        var created = await Users.CreateAsync("https://issuer.example/" + unique, "sub-" + unique, $"Mixed.{unique}@Example.COM", "Ada " + unique);

        created.Email.ShouldBe($"mixed.{unique}@example.com");
        created.CreatedAt.ShouldBe(Start);
        created.LastLoginAt.ShouldBeNull();
        (await Users.FindAsync(created.Id)).ShouldBe(created);
    }

    [StoreFact]
    public async Task CreateUser_StoresNoEmailOrName_WhenNoneIsGiven()
    {
        var unique = Unique();

        var created = await Users.CreateAsync("https://issuer.example/" + unique, "sub-" + unique, null, null);

        var found = await Users.FindAsync(created.Id);
        found.ShouldNotBeNull();
        found.Email.ShouldBeNull();
        found.DisplayName.ShouldBeNull();
    }

    [StoreFact]
    public async Task CreateUser_Conflicts_WhenTheIdentityExists()
    {
        var user = await NewUserAsync();

        await Should.ThrowAsync<GhStatsConflictException>(() => Users.CreateAsync(user.Issuer, user.Subject, null, "Someone else"));
    }

    [StoreFact]
    public async Task CreateUser_AcceptsTheSameSubject_UnderAnotherIssuer()
    {
        var user = await NewUserAsync();

        var other = await Users.CreateAsync(user.Issuer + "/other", user.Subject, null, null);

        other.Id.ShouldNotBe(user.Id);
        (await Users.FindByIdentityAsync(user.Issuer + "/other", user.Subject)).ShouldBe(other);
    }

    [StoreFact]
    public async Task CreateUser_RefusesMissingOrOverLongValues()
    {
        var unique = Unique();
        var issuer = "https://issuer.example/" + unique;

        await Should.ThrowAsync<ArgumentException>(() => Users.CreateAsync(" ", "sub-" + unique, null, null));
        await Should.ThrowAsync<ArgumentException>(() => Users.CreateAsync(issuer, "", null, null));
        await Should.ThrowAsync<ArgumentException>(() => Users.CreateAsync(issuer + new string('i', FieldLimits.Issuer), "sub-" + unique, null, null));
        await Should.ThrowAsync<ArgumentException>(() => Users.CreateAsync(issuer, new string('s', FieldLimits.Subject + 1), null, null));
        await Should.ThrowAsync<ArgumentException>(() => Users.CreateAsync(issuer, "sub-" + unique, null, new string('n', FieldLimits.DisplayName + 1)));
        await Should.ThrowAsync<ArgumentException>(() => Users.CreateAsync(issuer, "sub-" + unique, new string('e', FieldLimits.Email) + "@example.com", null));
        (await Users.FindByIdentityAsync(issuer, "sub-" + unique)).ShouldBeNull();
    }

    [StoreTheory]
    [InlineData("no-at-sign.example.com")]
    [InlineData("two@at@example.com")]
    [InlineData("@example.com")]
    [InlineData("someone@")]
    [InlineData("some one@example.com")]
    public async Task CreateUser_RefusesAMalformedEmail(string email)
    {
        var unique = Unique();

        await Should.ThrowAsync<ArgumentException>(() => Users.CreateAsync("https://issuer.example/" + unique, "sub-" + unique, email, null));
    }

    [StoreFact]
    public async Task FindUserByIdentity_ReturnsNull_ForAnUnknownIdentity()
    {
        var user = await NewUserAsync();

        (await Users.FindByIdentityAsync(user.Issuer, user.Subject)).ShouldBe(user);
        (await Users.FindByIdentityAsync(user.Issuer, user.Subject + "-other")).ShouldBeNull();
        (await Users.FindByIdentityAsync(user.Issuer + "/other", user.Subject)).ShouldBeNull();
    }

    [StoreFact]
    public async Task FindUser_ReturnsNull_ForAnUnknownId()
    {
        (await Users.FindAsync(-1)).ShouldBeNull();
    }

    [StoreFact]
    public async Task FindUsersByEmail_MatchesAnyCase_AndEveryIdentityWithIt()
    {
        var unique = Unique();
        var email = $"shared-{unique}@example.com";
        var first = await Users.CreateAsync("https://one.example/" + unique, "sub", email, null);
        var second = await Users.CreateAsync("https://two.example/" + unique, "sub", email.ToUpperInvariant(), null);
        await NewUserAsync();

        var found = await Users.FindByEmailAsync(" " + email.ToUpperInvariant() + " ");

        found.Select(u => u.Id).ShouldBe([first.Id, second.Id], ignoreOrder: true);
        (await Users.FindByEmailAsync($"nobody-{unique}@example.com")).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task ListUsers_ContainsEveryProfile_ByEmailWithThoseWithoutOneLast()
    {
        var unique = Unique();
        var later = await Users.CreateAsync("https://issuer.example/" + unique, "b", $"b-{unique}@example.com", null);
        var earlier = await Users.CreateAsync("https://issuer.example/" + unique, "a", $"a-{unique}@example.com", null);
        var without = await Users.CreateAsync("https://issuer.example/" + unique, "c", null, null);

        var ids = (await Users.ListAsync()).Select(u => u.Id).ToList();

        ids.ShouldContain(earlier.Id);
        ids.IndexOf(earlier.Id).ShouldBeLessThan(ids.IndexOf(later.Id));
        ids.IndexOf(later.Id).ShouldBeLessThan(ids.IndexOf(without.Id));
    }

    [StoreFact]
    public async Task RecordSignIn_SetsTheLastLogin_AndRefreshesTheClaims()
    {
        var user = await NewUserAsync();
        Clock.Advance(TimeSpan.FromHours(2));
        var unique = Unique();

        var updated = await Users.RecordSignInAsync(user.Id, $"New-{unique}@Example.com", "New name");

        var expected = user with { Email = $"new-{unique}@example.com", DisplayName = "New name", LastLoginAt = Start.AddHours(2) };
        updated.ShouldBe(expected);
        (await Users.FindAsync(user.Id)).ShouldBe(expected);
    }

    [StoreFact]
    public async Task RecordSignIn_KeepsTheKnownClaims_WhenTheProviderOmitsThem()
    {
        var user = await NewUserAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));

        await Users.RecordSignInAsync(user.Id, null, null);

        var found = await Users.FindAsync(user.Id);
        found.ShouldNotBeNull();
        found.Email.ShouldBe(user.Email);
        found.DisplayName.ShouldBe(user.DisplayName);
        found.LastLoginAt.ShouldBe(Start.AddMinutes(5));
    }

    [StoreFact]
    public async Task RecordSignIn_Throws_ForAnUnknownUser()
    {
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Users.RecordSignInAsync(-1, null, null));
    }

    [StoreFact]
    public async Task RecordSignIn_RefusesAMalformedEmail_AndChangesNothing()
    {
        var user = await NewUserAsync();

        await Should.ThrowAsync<ArgumentException>(() => Users.RecordSignInAsync(user.Id, "not-an-email", null));

        (await Users.FindAsync(user.Id)).ShouldBe(user);
    }

    [StoreFact]
    public async Task BindIdentity_MovesTheProfileToTheNewIdentity_KeepingItsRolesMembershipsGrantsAndTokens()
    {
        var unique = Unique();
        var placeholder = await Users.CreateAsync("urn:ghstats:host", "pending-" + unique, $"claimed-{unique}@example.com", "Claimed");
        var tenant = await NewTenantAsync();
        var repository = await NewRepositoryAsync(tenant);
        await Users.AddSystemRoleAsync(placeholder.Id, SystemRole.Admin);
        await Memberships.SetMemberAsync(tenant.Id, placeholder.Id, TenantRole.Owner);
        await Memberships.GrantRepositoryAsync(placeholder.Id, repository.Id);
        var token = await Tokens.CreateAsync(placeholder.Id, "CI script", NewTokenHash(), null);
        var issuer = "https://issuer.example/" + unique;

        var bound = await Users.BindIdentityAsync(placeholder.Id, issuer, "sub-" + unique);

        var expected = placeholder with { Issuer = issuer, Subject = "sub-" + unique };
        bound.ShouldBe(expected);
        (await Users.FindByIdentityAsync(issuer, "sub-" + unique)).ShouldBe(expected);
        (await Users.FindByIdentityAsync(placeholder.Issuer, placeholder.Subject)).ShouldBeNull();
        (await Users.GetSystemRolesAsync(placeholder.Id)).ShouldBe([SystemRole.Admin]);
        (await Memberships.ListMembershipsAsync(placeholder.Id)).ShouldBe([new Membership(tenant.Id, placeholder.Id, TenantRole.Owner)]);
        (await Memberships.ListGrantsAsync(placeholder.Id)).ShouldBe([new RepositoryGrant(placeholder.Id, repository.Id)]);
        (await Tokens.FindByHashAsync(token.TokenHash)).ShouldBe(token);
    }

    [StoreFact]
    public async Task BindIdentity_Throws_ForAnUnknownUser()
    {
        var unique = Unique();

        (await Should.ThrowAsync<GhStatsNotFoundException>(() => Users.BindIdentityAsync(-1, "https://issuer.example/" + unique, "sub-" + unique)))
            .Entity.ShouldBe("user");
        (await Users.FindByIdentityAsync("https://issuer.example/" + unique, "sub-" + unique)).ShouldBeNull();
    }

    [StoreFact]
    public async Task BindIdentity_Conflicts_WhenAnotherProfileHasTheIdentity_AndChangesNothing()
    {
        var user = await NewUserAsync();
        var holder = await NewUserAsync();

        await Should.ThrowAsync<GhStatsConflictException>(() => Users.BindIdentityAsync(user.Id, holder.Issuer, holder.Subject));

        (await Users.FindAsync(user.Id)).ShouldBe(user);
        (await Users.FindAsync(holder.Id)).ShouldBe(holder);
        (await Users.FindByIdentityAsync(holder.Issuer, holder.Subject)).ShouldBe(holder);
    }

    [StoreFact]
    public async Task BindIdentity_RefusesMissingOrOverLongValues_AndChangesNothing()
    {
        var user = await NewUserAsync();
        var unique = Unique();
        var issuer = "https://issuer.example/" + unique;

        await Should.ThrowAsync<ArgumentException>(() => Users.BindIdentityAsync(user.Id, " ", "sub-" + unique));
        await Should.ThrowAsync<ArgumentException>(() => Users.BindIdentityAsync(user.Id, issuer, ""));
        await Should.ThrowAsync<ArgumentException>(() => Users.BindIdentityAsync(user.Id, issuer + new string('i', FieldLimits.Issuer), "sub-" + unique));
        await Should.ThrowAsync<ArgumentException>(() => Users.BindIdentityAsync(user.Id, issuer, new string('s', FieldLimits.Subject + 1)));

        (await Users.FindAsync(user.Id)).ShouldBe(user);
    }

    [StoreFact]
    public async Task BindIdentity_ChangesNothing_WhenTheProfileHasTheIdentityAlready()
    {
        var user = await NewUserAsync();

        var bound = await Users.BindIdentityAsync(user.Id, user.Issuer, user.Subject);

        bound.ShouldBe(user);
        (await Users.FindByIdentityAsync(user.Issuer, user.Subject)).ShouldBe(user);
    }

    [StoreFact]
    public async Task SystemRoles_AreEmpty_ForANewUser()
    {
        var user = await NewUserAsync();

        (await Users.GetSystemRolesAsync(user.Id)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task AddSystemRole_ChangesNothing_WhenGivenTwice()
    {
        var user = await NewUserAsync();
        var other = await NewUserAsync();

        await Users.AddSystemRoleAsync(user.Id, SystemRole.Admin);
        await Users.AddSystemRoleAsync(user.Id, SystemRole.Admin);
        await Users.AddSystemRoleAsync(user.Id, SystemRole.Maintainer);

        (await Users.GetSystemRolesAsync(user.Id)).ShouldBe([SystemRole.Admin, SystemRole.Maintainer], ignoreOrder: true);
        (await Users.GetSystemRolesAsync(other.Id)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task AddSystemRole_Throws_ForAnUnknownUser()
    {
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Users.AddSystemRoleAsync(-1, SystemRole.Admin));
    }

    [StoreFact]
    public async Task RemoveSystemRole_ReportsWhetherTheUserHadIt()
    {
        var user = await NewUserAsync();
        await Users.AddSystemRoleAsync(user.Id, SystemRole.Admin);
        await Users.AddSystemRoleAsync(user.Id, SystemRole.Maintainer);

        (await Users.RemoveSystemRoleAsync(user.Id, SystemRole.Admin)).ShouldBeTrue();
        (await Users.RemoveSystemRoleAsync(user.Id, SystemRole.Admin)).ShouldBeFalse();

        (await Users.GetSystemRolesAsync(user.Id)).ShouldBe([SystemRole.Maintainer]);
    }
}
