using GhStats.Domain;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task Profile_HasNoLanguage_UntilOneIsChosen()
    {
        var user = await NewUserAsync();

        user.Language.ShouldBeNull();
        (await Users.FindAsync(user.Id)).ShouldNotBeNull().Language.ShouldBeNull();
    }

    [StoreTheory]
    [InlineData("de", "de")]
    [InlineData("pt-br", "pt-BR")]
    [InlineData(" JA ", "ja")]
    public async Task SetLanguage_StoresTheLanguage_SpeltAsTheSupportedList(string given, string stored)
    {
        var user = await NewUserAsync();

        var updated = await Users.SetLanguageAsync(user.Id, given);

        updated.ShouldBe(user with { Language = stored });
        (await Users.FindAsync(user.Id)).ShouldBe(updated);
        (await Users.FindByIdentityAsync(user.Issuer, user.Subject)).ShouldNotBeNull().Language.ShouldBe(stored);
        (await Users.FindByEmailAsync(user.Email!)).Single().Language.ShouldBe(stored);
        (await Users.ListAsync()).Single(u => u.Id == user.Id).Language.ShouldBe(stored);
    }

    [StoreFact]
    public async Task SetLanguage_Null_ClearsTheChoice()
    {
        var user = await NewUserAsync();
        await Users.SetLanguageAsync(user.Id, "fr");

        var cleared = await Users.SetLanguageAsync(user.Id, null);

        cleared.Language.ShouldBeNull();
        (await Users.FindAsync(user.Id)).ShouldNotBeNull().Language.ShouldBeNull();
    }

    [StoreFact]
    public async Task SetLanguage_IsKept_BySignInAndBindingAnotherIdentity()
    {
        var user = await NewUserAsync();
        await Users.SetLanguageAsync(user.Id, "es");

        var signedIn = await Users.RecordSignInAsync(user.Id, null, "New name");
        var bound = await Users.BindIdentityAsync(user.Id, user.Issuer + "/other", user.Subject);

        signedIn.Language.ShouldBe("es");
        bound.Language.ShouldBe("es");
        (await Users.FindAsync(user.Id)).ShouldNotBeNull().Language.ShouldBe("es");
    }

    [StoreTheory]
    [InlineData("xx")]
    [InlineData("de-DE")]
    [InlineData("english")]
    public async Task SetLanguage_RefusesAnUnsupportedLanguage_AndChangesNothing(string language)
    {
        var user = await NewUserAsync();
        await Users.SetLanguageAsync(user.Id, "ja");

        await Should.ThrowAsync<ArgumentException>(() => Users.SetLanguageAsync(user.Id, language));

        (await Users.FindAsync(user.Id)).ShouldNotBeNull().Language.ShouldBe("ja");
    }

    [StoreFact]
    public async Task SetLanguage_Throws_ForAnUnknownUser()
    {
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Users.SetLanguageAsync(-1, "de"));
    }

    [StoreFact]
    public async Task AddChannel_StoresItsLanguage_AndNoneWhenNotGiven()
    {
        var tenant = await NewTenantAsync();

        var german = await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "Team DE") with { Language = "DE" });
        var unset = await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "Team"));

        german.Language.ShouldBe("de");
        unset.Language.ShouldBeNull();
        (await Notifications.GetChannelAsync(tenant.Id, german.Id)).ShouldBe(german);
        (await Notifications.ListChannelsAsync(tenant.Id)).ShouldBe([unset, german]);
    }

    [StoreFact]
    public async Task AddChannel_RefusesAnUnsupportedLanguage()
    {
        var tenant = await NewTenantAsync();

        await Should.ThrowAsync<ArgumentException>(() => Notifications.AddChannelAsync(EmailChannel(tenant.Id, "Team") with { Language = "klingon" }));

        (await Notifications.ListChannelsAsync(tenant.Id)).ShouldBeEmpty();
    }
}
