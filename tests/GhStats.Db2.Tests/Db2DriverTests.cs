using Shouldly;
using Xunit;

namespace GhStats.Db2.Tests;

/// <summary>How GhStats.Db2 finds IBM's driver in the host.</summary>
public sealed class Db2DriverTests
{
    [Fact]
    public void Driver_IsLookedUpUnderTheNamesOfIbmsPackages() =>
        Db2Driver.Ibm().Candidates.ShouldBe(
        [
            new Db2Driver.FactoryLocation("IBM.Data.Db2", "IBM.Data.Db2.DB2Factory"),
            new Db2Driver.FactoryLocation("IBM.Data.DB2.Core", "IBM.Data.DB2.Core.DB2Factory"),
        ]);

    [Fact]
    public void Driver_ReadsTheFactorysStaticInstance_FromTheFirstAssemblyThatLoads()
    {
        var driver = new Db2Driver(
        [
            new("GhStats.NoSuchDriver", "GhStats.NoSuchDriver.Factory"),
            new("GhStats.Db2.Tests", "GhStats.Db2.Tests.NoSuchFactory"),
            new("GhStats.Db2.Tests", typeof(TestDbFactory).FullName!),
        ]);

        driver.IsAvailable.ShouldBeTrue();
        driver.Factory.ShouldBeSameAs(TestDbFactory.Instance);
    }

    [Fact]
    public void Driver_WhenMissing_SaysWhichPackageToAdd()
    {
        var driver = new Db2Driver([new("GhStats.NoSuchDriver", "GhStats.NoSuchDriver.Factory")]);

        driver.IsAvailable.ShouldBeFalse();
        var exception = Should.Throw<InvalidOperationException>(() => driver.Factory);
        exception.Message.ShouldContain("Net.IBM.Data.Db2 (Windows)");
        exception.Message.ShouldContain("Net.IBM.Data.Db2-lnx (Linux)");
        exception.Message.ShouldContain("Net.IBM.Data.Db2-osx (macOS)");
    }

    [Theory]
    [InlineData("ERROR [40001] [IBM][DB2/LINUXX8664] SQL0911N  The current transaction has been rolled back because of a deadlock or timeout.  Reason code \"68\".", true)]
    [InlineData("ERROR [57033] [IBM][DB2/LINUXX8664] SQL0913N  Unsuccessful execution caused by deadlock or timeout.", true)]
    [InlineData("ERROR [42710] [IBM][DB2/LINUXX8664] SQL0601N  The name of the object to be created is identical to the existing name.", false)]
    public void LockTimeouts_AreRecognisedByStateOrMessageId(string message, bool expected) =>
        Db2Error.Is(new TestDbException(message), "40001", "57033", "SQL0911N", "SQL0913N").ShouldBe(expected);

    [Theory]
    [InlineData(0.2, 1)]
    [InlineData(300, 300)]
    [InlineData(300.5, 301)]
    [InlineData(86_400, 32_767)]
    public void LockTimeout_IsWholeSecondsWithinDb2sRange(double seconds, int expected)
    {
        Db2MigrationLockStatements.LockTimeoutSeconds(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
        Db2MigrationLockStatements.SetLockTimeout(TimeSpan.FromSeconds(seconds)).Text.ShouldBe($"SET CURRENT LOCK TIMEOUT {expected}");
    }
}
