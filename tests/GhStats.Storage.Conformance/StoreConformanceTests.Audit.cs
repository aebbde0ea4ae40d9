using System.Reflection;
using GhStats.Domain;
using GhStats.Stores;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task AppendAudit_StoresEveryField_AndStampsTheStoresClock()
    {
        var tenant = await NewTenantAsync();
        var user = await NewUserAsync();
        var actor = new AuditActor(AuditActorKind.ApiToken, user.Id, "ann@example.com (API token 7 \"ci\")");

        var entry = await Audit.AppendAsync(new NewAuditEntry(
            actor, tenant.Id, AuditActions.MemberRoleChanged, new AuditTarget("member", "bo@example.com", "Bö Ünïcode"), "role=owner", "2001:db8::1"));

        entry.OccurredAt.ShouldBe(Start);
        var read = (await Audit.ListAsync(new AuditQuery(tenant.Id))).ShouldHaveSingleItem();
        read.ShouldBe(entry);
        read.ShouldBe(new AuditEntry(entry.Id, Start, actor, tenant.Id, "member.role_changed", new AuditTarget("member", "bo@example.com", "Bö Ünïcode"), "role=owner", "2001:db8::1"));
    }

    [StoreFact]
    public async Task AppendAudit_KeepsAnEntryWithoutTenantTargetOrAddress()
    {
        var marker = "system-" + Unique();

        var entry = await Audit.AppendAsync(new NewAuditEntry(AuditActor.System(marker), null, AuditActions.CollectionStarted));

        var read = (await Audit.ListAsync(new AuditQuery(Actor: marker))).ShouldHaveSingleItem();
        read.ShouldBe(entry);
        read.TenantId.ShouldBeNull();
        read.Target.ShouldBeNull();
        read.ClientAddress.ShouldBeNull();
        read.Actor.Kind.ShouldBe(AuditActorKind.System);
    }

    [StoreFact]
    public async Task AppendAudit_CutsOverlongTexts_RatherThanLosingTheRecord()
    {
        var tenant = await NewTenantAsync();

        var entry = await Audit.AppendAsync(new NewAuditEntry(
            new AuditActor(AuditActorKind.User, null, new string('a', FieldLimits.AuditActor + 10)), tenant.Id, AuditActions.TenantRenamed,
            new AuditTarget("tenant", null, new string('n', FieldLimits.AuditTargetName + 1)), new string('d', FieldLimits.AuditDetails * 2)));

        var read = (await Audit.ListAsync(new AuditQuery(tenant.Id))).ShouldHaveSingleItem();
        read.ShouldBe(entry);
        read.Actor.Name.Length.ShouldBe(FieldLimits.AuditActor);
        read.Target!.Name!.Length.ShouldBe(FieldLimits.AuditTargetName);
        read.Details!.Length.ShouldBe(FieldLimits.AuditDetails);
        read.Details.ShouldEndWith("…");
    }

    [StoreFact]
    public async Task ListAudit_ForATenant_GivesOnlyItsEntries_NewestFirst_InPages()
    {
        var tenant = await NewTenantAsync();
        var other = await NewTenantAsync();
        var actor = new AuditActor(AuditActorKind.User, null, "owner@example.com");
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await Audit.AppendAsync(new NewAuditEntry(actor, tenant.Id, AuditActions.RepositoryTracked, new AuditTarget("repository", $"{i}", $"o/r{i}")))).Id);
            await Audit.AppendAsync(new NewAuditEntry(actor, other.Id, AuditActions.RepositoryTracked));
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await Audit.ListAsync(new AuditQuery(tenant.Id), limit: 3);
        var second = await Audit.ListAsync(new AuditQuery(tenant.Id, BeforeId: first[^1].Id), limit: 3);

        first.Select(e => e.Id).ShouldBe([ids[4], ids[3], ids[2]]);
        second.Select(e => e.Id).ShouldBe([ids[1], ids[0]]);
        first.Concat(second).ShouldAllBe(e => e.TenantId == tenant.Id);
        (await Audit.ListAsync(new AuditQuery())).Select(e => e.TenantId).ShouldContain(other.Id);
    }

    [StoreFact]
    public async Task ListAudit_FiltersByTimeRangeActionAndActor()
    {
        var tenant = await NewTenantAsync();
        var ann = new AuditActor(AuditActorKind.User, null, "Ann_" + Unique() + "@Example.com");
        var bo = new AuditActor(AuditActorKind.User, null, "bo@example.com");
        var early = await Audit.AppendAsync(new NewAuditEntry(ann, tenant.Id, AuditActions.MemberAdded));
        Clock.Advance(TimeSpan.FromHours(1));
        var middle = await Audit.AppendAsync(new NewAuditEntry(bo, tenant.Id, AuditActions.MemberRoleChanged));
        Clock.Advance(TimeSpan.FromHours(1));
        var late = await Audit.AppendAsync(new NewAuditEntry(ann, tenant.Id, AuditActions.ConnectionCreated));

        async Task<IEnumerable<long>> Ids(AuditQuery query) => (await Audit.ListAsync(query)).Select(e => e.Id);

        (await Ids(new AuditQuery(tenant.Id, From: middle.OccurredAt))).ShouldBe([late.Id, middle.Id]);
        (await Ids(new AuditQuery(tenant.Id, Until: middle.OccurredAt))).ShouldBe([early.Id]);
        (await Ids(new AuditQuery(tenant.Id, From: early.OccurredAt, Until: late.OccurredAt))).ShouldBe([middle.Id, early.Id]);
        (await Ids(new AuditQuery(tenant.Id, Action: "member.added"))).ShouldBe([early.Id]);
        (await Ids(new AuditQuery(tenant.Id, Action: "member."))).ShouldBe([middle.Id, early.Id]);
        (await Ids(new AuditQuery(tenant.Id, Action: "member"))).ShouldBeEmpty();

        // The actor filter ignores case, and LIKE's wildcards in it match only themselves.
        (await Ids(new AuditQuery(tenant.Id, Actor: ann.Name.ToUpperInvariant()[..10]))).ShouldBe([late.Id, early.Id]);
        (await Ids(new AuditQuery(tenant.Id, Actor: "b_@"))).ShouldBeEmpty();
        (await Ids(new AuditQuery(tenant.Id, Actor: "%"))).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task StreamAudit_ReadsEveryMatchingEntry_NewestFirst_BeyondAPage()
    {
        var tenant = await NewTenantAsync();
        var actor = new AuditActor(AuditActorKind.Cron, null, "cron");
        var ids = new List<long>();
        for (var i = 0; i < 60; i++)
        {
            ids.Add((await Audit.AppendAsync(new NewAuditEntry(actor, tenant.Id, AuditActions.CollectionStarted))).Id);
        }

        var streamed = new List<long>();
        await foreach (var entry in Audit.StreamAsync(new AuditQuery(tenant.Id)))
        {
            streamed.Add(entry.Id);
        }

        streamed.ShouldBe(Enumerable.Reverse(ids));
    }

    [StoreFact]
    public void TheAuditStore_HasNoWayToChangeOrDeleteAnEntry()
    {
        // Append-only is a property of the port: nothing but appending and reading is offered.
        typeof(IAuditStore).GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).Order()
            .ShouldBe(["AppendAsync", "ListAsync", "StreamAsync"]);
    }
}
