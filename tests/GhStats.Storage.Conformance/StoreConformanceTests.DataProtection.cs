using GhStats.Domain;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task StoreKey_AddsAKey_ThatEveryReaderLists()
    {
        var key = new DataProtectionKey("key-" + Guid.NewGuid(), KeyXml(Unique()));

        await DataProtectionKeys.StoreAsync(key);

        (await DataProtectionKeys.ListAsync()).ShouldContain(key);
    }

    [StoreFact]
    public async Task StoreKey_KeepsTheLongestKeyWhole()
    {
        // Far past the 32 KB of a Db2 VARCHAR: the column must be a large text column on every database.
        var padding = FieldLimits.DataProtectionKeyXml - KeyXml(string.Empty).Length;
        var key = new DataProtectionKey("key-" + Guid.NewGuid(), KeyXml(new string('x', padding)));
        key.Xml.Length.ShouldBe(FieldLimits.DataProtectionKeyXml);

        await DataProtectionKeys.StoreAsync(key);

        (await DataProtectionKeys.ListAsync()).Single(k => k.FriendlyName == key.FriendlyName).Xml.ShouldBe(key.Xml);
    }

    [StoreFact]
    public async Task StoreKey_ReplacesAKeyOfTheSameName()
    {
        var name = "key-" + Guid.NewGuid();
        await DataProtectionKeys.StoreAsync(new DataProtectionKey(name, KeyXml("first")));
        var replacement = new DataProtectionKey(name, KeyXml("second"));

        await DataProtectionKeys.StoreAsync(replacement);

        (await DataProtectionKeys.ListAsync()).Where(k => k.FriendlyName == name).ShouldBe([replacement]);
    }

    [StoreFact]
    public async Task StoreKey_RefusesMissingOrOverLongNames()
    {
        var tooLong = new string('k', FieldLimits.DataProtectionKeyName + 1);

        await Should.ThrowAsync<ArgumentException>(() => DataProtectionKeys.StoreAsync(new DataProtectionKey(" ", KeyXml("x"))));
        await Should.ThrowAsync<ArgumentException>(() => DataProtectionKeys.StoreAsync(new DataProtectionKey(tooLong, KeyXml("x"))));
        (await DataProtectionKeys.ListAsync()).ShouldNotContain(k => k.FriendlyName == tooLong);
    }

    [StoreFact]
    public async Task StoreKey_RefusesMissingOrOverLongXml()
    {
        var name = "key-" + Guid.NewGuid();

        await Should.ThrowAsync<ArgumentException>(() => DataProtectionKeys.StoreAsync(new DataProtectionKey(name, "")));
        await Should.ThrowAsync<ArgumentException>(() => DataProtectionKeys.StoreAsync(
            new DataProtectionKey(name, KeyXml(new string('x', FieldLimits.DataProtectionKeyXml)))));
        (await DataProtectionKeys.ListAsync()).ShouldNotContain(k => k.FriendlyName == name);
    }

    private static string KeyXml(string secret) =>
        $"<key id=\"{Guid.NewGuid()}\" version=\"1\"><descriptor><masterKey>{secret}</masterKey></descriptor></key>";
}
