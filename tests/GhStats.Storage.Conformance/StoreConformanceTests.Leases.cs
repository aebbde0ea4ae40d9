using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(5);

    [StoreFact]
    public async Task Lease_HasOneHolderAtATime_UntilItLapses()
    {
        var name = "collection-" + Unique();

        (await Leases.TryAcquireAsync(name, "process-a", LeaseTime)).ShouldBeTrue();
        (await Leases.TryAcquireAsync(name, "process-b", LeaseTime)).ShouldBeFalse();
        (await Leases.TryAcquireAsync(name, "process-a", LeaseTime)).ShouldBeTrue();
        (await Leases.FindAsync(name))!.Holder.ShouldBe("process-a");

        Clock.Advance(LeaseTime + TimeSpan.FromSeconds(1));

        (await Leases.TryAcquireAsync(name, "process-b", LeaseTime)).ShouldBeTrue();
        (await Leases.RenewAsync(name, "process-a", LeaseTime)).ShouldBeFalse();
        (await Leases.FindAsync(name)).ShouldBe(new Domain.Lease(name, "process-b", Clock.GetUtcNow() + LeaseTime));
    }

    [StoreFact]
    public async Task Lease_RenewExtendsIt_AndReleaseFreesItOnlyForItsHolder()
    {
        var name = "collection-" + Unique();
        await Leases.TryAcquireAsync(name, "a", LeaseTime);

        Clock.Advance(TimeSpan.FromMinutes(4));
        (await Leases.RenewAsync(name, "a", LeaseTime)).ShouldBeTrue();
        Clock.Advance(TimeSpan.FromMinutes(4));
        (await Leases.TryAcquireAsync(name, "b", LeaseTime)).ShouldBeFalse();

        (await Leases.ReleaseAsync(name, "b")).ShouldBeFalse();
        (await Leases.ReleaseAsync(name, "a")).ShouldBeTrue();
        (await Leases.FindAsync(name)).ShouldBeNull();
        (await Leases.TryAcquireAsync(name, "b", LeaseTime)).ShouldBeTrue();
    }

    [StoreFact]
    public async Task Lease_GoesToExactlyOneOfManySimultaneousHolders()
    {
        var name = "collection-" + Unique();

        var won = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => Leases.TryAcquireAsync(name, "holder-" + i, LeaseTime))));

        won.Count(w => w).ShouldBe(1);
        (await Leases.FindAsync(name))!.Holder.ShouldBe("holder-" + Array.IndexOf(won, true));
    }

    [StoreFact]
    public async Task Lease_RefusesBadArguments()
    {
        await Should.ThrowAsync<ArgumentException>(() => Leases.TryAcquireAsync("", "a", LeaseTime));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Leases.TryAcquireAsync("x", "a", TimeSpan.Zero));
        await Should.ThrowAsync<ArgumentException>(() => Leases.TryAcquireAsync("x", new string('h', FieldLimits.LeaseHolder + 1), LeaseTime));
    }
}
