using GhStats.Domain;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task CreateToken_StoresTheHash_AndFindsTheTokenByIt()
    {
        var user = await NewUserAsync();
        var hash = NewTokenHash();
        var expiresAt = Start.AddDays(30);

        var token = await Tokens.CreateAsync(user.Id, "CI script", hash, expiresAt);

        token.ShouldBe(new ApiToken(token.Id, user.Id, "CI script", hash, Start, null, expiresAt, null));
        (await Tokens.FindByHashAsync(hash)).ShouldBe(token);
    }

    [StoreFact]
    public async Task CreateToken_StoresATokenThatNeverExpires()
    {
        var user = await NewUserAsync();

        var token = await Tokens.CreateAsync(user.Id, "Forever", NewTokenHash(), null);

        var found = await Tokens.FindByHashAsync(token.TokenHash);
        found.ShouldNotBeNull();
        found.ExpiresAt.ShouldBeNull();
        found.IsUsableAt(Start.AddYears(10)).ShouldBeTrue();
    }

    [StoreFact]
    public async Task CreateToken_Conflicts_WhenTheHashIsStored()
    {
        var user = await NewUserAsync();
        var other = await NewUserAsync();
        var hash = NewTokenHash();
        await Tokens.CreateAsync(user.Id, "First", hash, null);

        await Should.ThrowAsync<GhStatsConflictException>(() => Tokens.CreateAsync(other.Id, "Second", hash, null));

        (await Tokens.ListAsync(other.Id)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task CreateToken_Throws_ForAnUnknownUser()
    {
        var hash = NewTokenHash();

        (await Should.ThrowAsync<GhStatsNotFoundException>(() => Tokens.CreateAsync(-1, "Orphan", hash, null))).Entity.ShouldBe("user");
        (await Tokens.FindByHashAsync(hash)).ShouldBeNull();
    }

    [StoreFact]
    public async Task CreateToken_RefusesMissingOrOverLongValues()
    {
        var user = await NewUserAsync();

        await Should.ThrowAsync<ArgumentException>(() => Tokens.CreateAsync(user.Id, "", NewTokenHash(), null));
        await Should.ThrowAsync<ArgumentException>(() => Tokens.CreateAsync(user.Id, new string('n', FieldLimits.TokenName + 1), NewTokenHash(), null));
        await Should.ThrowAsync<ArgumentException>(() => Tokens.CreateAsync(user.Id, "Script", " ", null));
        await Should.ThrowAsync<ArgumentException>(() => Tokens.CreateAsync(user.Id, "Script", new string('h', FieldLimits.TokenHash + 1), null));
        (await Tokens.ListAsync(user.Id)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task FindTokenByHash_ReturnsNull_ForAnUnknownHash()
    {
        (await Tokens.FindByHashAsync(NewTokenHash())).ShouldBeNull();
    }

    [StoreFact]
    public async Task ListTokens_ShowsTheUsersTokens_NewestFirst()
    {
        var user = await NewUserAsync();
        var oldest = await Tokens.CreateAsync(user.Id, "Oldest", NewTokenHash(), null);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var middle = await Tokens.CreateAsync(user.Id, "Middle", NewTokenHash(), null);
        var newest = await Tokens.CreateAsync(user.Id, "Newest", NewTokenHash(), null);
        await Tokens.CreateAsync((await NewUserAsync()).Id, "Someone else's", NewTokenHash(), null);

        (await Tokens.ListAsync(user.Id)).ShouldBe([newest, middle, oldest]);
    }

    [StoreFact]
    public async Task RevokeToken_RevokesOnce()
    {
        var user = await NewUserAsync();
        var token = await Tokens.CreateAsync(user.Id, "Script", NewTokenHash(), null);
        Clock.Advance(TimeSpan.FromHours(1));

        (await Tokens.RevokeAsync(user.Id, token.Id)).ShouldBeTrue();
        Clock.Advance(TimeSpan.FromHours(1));
        (await Tokens.RevokeAsync(user.Id, token.Id)).ShouldBeFalse();

        var found = await Tokens.FindByHashAsync(token.TokenHash);
        found.ShouldNotBeNull();
        found.RevokedAt.ShouldBe(Start.AddHours(1));
        found.IsUsableAt(Clock.GetUtcNow()).ShouldBeFalse();
    }

    [StoreFact]
    public async Task RevokeToken_ChangesNothing_ForAnotherUsersToken()
    {
        var owner = await NewUserAsync();
        var other = await NewUserAsync();
        var token = await Tokens.CreateAsync(owner.Id, "Script", NewTokenHash(), null);

        (await Tokens.RevokeAsync(other.Id, token.Id)).ShouldBeFalse();
        (await Tokens.RevokeAsync(owner.Id, -1)).ShouldBeFalse();

        (await Tokens.FindByHashAsync(token.TokenHash)).ShouldBe(token);
    }

    [StoreFact]
    public async Task RecordTokenUse_SetsTheLastUse()
    {
        var user = await NewUserAsync();
        var token = await Tokens.CreateAsync(user.Id, "Script", NewTokenHash(), null);
        var untouched = await Tokens.CreateAsync(user.Id, "Unused", NewTokenHash(), null);
        Clock.Advance(TimeSpan.FromMinutes(42));

        await Tokens.RecordUseAsync(token.Id);

        (await Tokens.FindByHashAsync(token.TokenHash)).ShouldBe(token with { LastUsedAt = Start.AddMinutes(42) });
        (await Tokens.FindByHashAsync(untouched.TokenHash)).ShouldBe(untouched);
    }

    /// <summary>A hash as the web layer stores it: 64 hex digits of a SHA-256.</summary>
    private static string NewTokenHash() => Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
}
