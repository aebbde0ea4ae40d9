using GhStats.Storage;
using GhStats.Storage.Sql;
using Shouldly;
using Xunit;

namespace GhStats.Db2.Tests;

/// <summary>Every Db2 statement GhStats runs, checked as text: no Db2 server can run here.</summary>
public sealed class Db2StatementTests
{
    private static readonly Db2Dialect Dialect = new("ghstats");

    private static readonly IReadOnlyList<SqlStatement> Catalog = StatementCatalog.Render(Dialect);

    private static readonly IReadOnlyList<SqlStatement> MigrationLock =
        new Db2MigrationLockStatements("ghstats").All(new GhStatsStorageOptions().MigrationLockTimeout);

    private static IEnumerable<SqlStatement> Everything => Catalog.Concat(MigrationLock);

    [Fact]
    public void Statements_MatchTheGoldenFile() => GoldenFile.Verify("statements.db2.sql", StatementCatalog.RenderText(Dialect));

    [Fact]
    public void MigrationLockStatements_MatchTheGoldenFile() =>
        GoldenFile.Verify("migration-lock.db2.sql", string.Join("\n", MigrationLock.Select(s => $"-- {s.Name}\n{s.Text};\n")));

    [Fact]
    public void Catalog_HoldsEveryStore_AndTheMerges()
    {
        Catalog.Select(s => s.Name.Split('.')[0]).Distinct().Order(StringComparer.Ordinal).ShouldBe(
            ["Annotations", "Audit", "Connections", "Dashboards", "DataProtectionKeys", "ETags", "Lanes", "Leases", "Memberships", "Notifications", "Owners", "Releases", "Repositories", "Runs", "StarHistory", "Tenants", "Tokens", "Traffic", "TransferJobs", "Users"],
            ignoreOrder: false);
        Catalog.Count(s => s.Text.StartsWith("MERGE INTO ghstats.", StringComparison.Ordinal)).ShouldBe(28);
    }

    [Fact]
    public void AMerge_LeavesKeptColumnsAsStored_AndUpdatesNothingWhenItKeepsThemAll()
    {
        MergeShape Shape(MergeRule rule) => new("t", [new("k", ColumnType.Identifier), new("v", ColumnType.Count, rule), new("w", ColumnType.Count, MergeRule.Keep)]);

        Dialect.Merge(Shape(MergeRule.Max), 1).ShouldContain("WHEN MATCHED THEN UPDATE SET v = GREATEST(t.v, s.v) WHEN NOT MATCHED THEN INSERT (k, v, w)");
        Dialect.Merge(Shape(MergeRule.Keep), 1).ShouldNotContain("WHEN MATCHED");
        Dialect.Merge(Shape(MergeRule.Add), 1).ShouldContain("WHEN MATCHED THEN UPDATE SET v = t.v + s.v WHEN NOT MATCHED");
        new StandardDialect().Merge(Shape(MergeRule.Add), 1).ShouldEndWith("ON CONFLICT (k) DO UPDATE SET v = ghstats.t.v + excluded.v");
        new StandardDialect().Merge(Shape(MergeRule.Max), 1).ShouldEndWith("ON CONFLICT (k) DO UPDATE SET v = GREATEST(ghstats.t.v, excluded.v)");
        new StandardDialect().Merge(Shape(MergeRule.Keep), 1).ShouldEndWith("ON CONFLICT (k) DO NOTHING");
    }

    [Fact]
    public void NoStatement_NamesAParameterTwice() => Db2StatementRules.RepeatedParameters(Everything).ShouldBeEmpty();

    [Fact]
    public void NoStatement_UsesAnotherDialectsConstructs() => Db2StatementRules.ForeignConstructsUsed(Everything).ShouldBeEmpty();

    [Fact]
    public void EveryStatement_BalancesItsParentheses() => Db2StatementRules.UnbalancedParentheses(Everything).ShouldBeEmpty();

    [Fact]
    public void EveryMerge_CastsEveryParameterOfItsValuesSource() => Db2StatementRules.UncastMergeParameters(Catalog).ShouldBeEmpty();

    [Fact]
    public void EveryTableReference_IsInTheSchema()
    {
        Db2StatementRules.UnqualifiedTables(Catalog, "ghstats").ShouldBeEmpty();
        Db2StatementRules.UnqualifiedTables(MigrationLock, "ghstats", "SYSCAT").ShouldBeEmpty();
    }

    [Fact]
    public void TheRules_CatchTheSharedDefaultsDb2CannotRun()
    {
        // The rules must be able to fail: the shared defaults Db2Dialect overrides break three of them.
        var standard = StatementCatalog.Render(new StandardDialect());
        Db2StatementRules.ForeignConstructsUsed(standard).ShouldContain(o => o.Contains("RETURNING", StringComparison.Ordinal));
        Db2StatementRules.ForeignConstructsUsed(standard).ShouldContain(o => o.Contains("ON CONFLICT", StringComparison.Ordinal));
        Db2StatementRules.ForeignConstructsUsed(standard).ShouldContain(o => o.Contains("date_trunc", StringComparison.Ordinal));
        Db2StatementRules.UncastMergeParameters(standard).Count().ShouldBe(28);
        Db2StatementRules.UnqualifiedTables([new SqlStatement("X", "SELECT a FROM tenants t JOIN ghstats.users u ON 1 = 1")], "ghstats")
            .ShouldHaveSingleItem().ShouldContain("FROM tenants");
        Db2StatementRules.RepeatedParameters([new SqlStatement("X", "SELECT 1 FROM ghstats.t WHERE a = @a OR b = @a")]).ShouldHaveSingleItem();
        Db2StatementRules.UnbalancedParentheses([new SqlStatement("X", "SELECT (1")]).ShouldHaveSingleItem();
    }

    [Fact]
    public void Merge_KeepsTheLargerValue_AndReplacesTheRest()
    {
        var shape = new MergeShape("t1",
        [
            new("repo_id", ColumnType.Identifier), new("day", ColumnType.Date), new("name", ColumnType.Text, Length: 40),
            new("views", ColumnType.Count, MergeRule.Max), new("title", ColumnType.Text, MergeRule.Replace, 60),
        ]);

        Dialect.Merge(shape, 2).ShouldBe(
            "MERGE INTO ghstats.t1 AS t USING (VALUES " +
            "(CAST(@repo_id_0 AS BIGINT), CAST(@day_0 AS DATE), CAST(@name_0 AS VARGRAPHIC(40)), CAST(@views_0 AS INTEGER), CAST(@title_0 AS VARGRAPHIC(60))), " +
            "(CAST(@repo_id_1 AS BIGINT), CAST(@day_1 AS DATE), CAST(@name_1 AS VARGRAPHIC(40)), CAST(@views_1 AS INTEGER), CAST(@title_1 AS VARGRAPHIC(60)))" +
            ") AS s (repo_id, day, name, views, title) ON t.repo_id = s.repo_id AND t.day = s.day AND t.name = s.name " +
            "WHEN MATCHED THEN UPDATE SET views = GREATEST(t.views, s.views), title = s.title " +
            "WHEN NOT MATCHED THEN INSERT (repo_id, day, name, views, title) VALUES (s.repo_id, s.day, s.name, s.views, s.title)");
    }

    [Fact]
    public void WeekAndMonthStart_AreLabeledDurations()
    {
        Dialect.WeekStart("day").ShouldBe("day - (DAYOFWEEK_ISO(day) - 1) DAYS");
        Dialect.MonthStart("day").ShouldBe("day - (DAY(day) - 1) DAYS");
        Dialect.FirstRows(50).ShouldBe("FETCH FIRST 50 ROWS ONLY");
    }

    [Fact]
    public void InsertReturningId_SelectsFromTheFinalTable() =>
        Dialect.InsertReturningId("ghstats.t", "a, b", "@a, @b").ShouldBe("SELECT id FROM FINAL TABLE (INSERT INTO ghstats.t (a, b) VALUES (@a, @b))");

    [Fact]
    public void DateValue_IsMidnightOfTheDay_TypedAsDate()
    {
        var (value, type) = Dialect.DateValue(new DateOnly(2024, 2, 29));
        value.ShouldBe(new DateTime(2024, 2, 29, 0, 0, 0));
        type.ShouldBe(System.Data.DbType.Date);
    }

    [Theory]
    [InlineData("ERROR [23505] [IBM][DB2/LINUXX8664] SQL0803N  One or more values in the INSERT statement are not valid.", null, true)]
    [InlineData("duplicate", "23505", true)]
    [InlineData("[IBM][DB2] SQL0803N", null, true)]
    [InlineData("ERROR [23503] [IBM][DB2/LINUXX8664] SQL0530N  The INSERT or UPDATE value of the FOREIGN KEY is not equal.", null, false)]
    [InlineData("ERROR [40001] [IBM][DB2/LINUXX8664] SQL0911N  The current transaction has been rolled back.", "40001", false)]
    public void IsUniqueViolation_KnowsDb2sDuplicateKeyError(string message, string? sqlState, bool expected) =>
        Dialect.IsUniqueViolation(new TestDbException(message, sqlState)).ShouldBe(expected);
}
