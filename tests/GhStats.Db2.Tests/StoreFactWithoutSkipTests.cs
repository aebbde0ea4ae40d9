using GhStats.Storage.Conformance;
using Shouldly;
using Xunit;

namespace GhStats.Db2.Tests;

/// <summary>Without <see cref="SkipUnlessEnvironmentAttribute"/>, store facts and theories run like xunit's own: one result per data row.</summary>
public sealed class StoreFactWithoutSkipTests
{
    [StoreFact]
    public void StoreFact_RunsWithoutTheAttribute() =>
        typeof(StoreFactWithoutSkipTests).GetCustomAttributes(typeof(SkipUnlessEnvironmentAttribute), inherit: true).ShouldBeEmpty();

    [StoreTheory]
    [InlineData("a", 1)]
    [InlineData("bb", 2)]
    public void StoreTheory_RunsEveryRow(string text, int length) => text.Length.ShouldBe(length);
}
