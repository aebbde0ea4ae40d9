using GhStats.Storage.Relational;
using Microsoft.Data.Sqlite;
using Shouldly;
using Xunit;

namespace GhStats.Sqlite.Tests;

/// <summary>
/// Row shapes read columns by name, found once per result on a real SQLite result, so the SELECT list and the reading
/// code cannot drift apart by position: a column added, moved or renamed either reads right or fails by name.
/// </summary>
public sealed class RowShapeTests
{
    private static readonly SqliteDialect Dialect = new();

    [Fact]
    public async Task Read_FindsEachColumnByName_WhenTheQueryMovesThemOrAddsOneInFront()
    {
        var (shape, id, name) = RepositoryLike();

        var row = await ReadOneAsync("SELECT 'added' AS note, name, id FROM (SELECT 7 AS id, 'octo' AS name)", shape, r => (r.Int64(id), r.Text(name)));

        row.ShouldBe((7L, "octo"));
    }

    [Fact]
    public async Task Read_MatchesNamesWhateverTheirCase_AsDb2AndPostgreSqlFoldThem()
    {
        var (shape, id, name) = RepositoryLike();

        var row = await ReadOneAsync("SELECT 7 AS ID, 'octo' AS Name", shape, r => (r.Int64(id), r.Text(name)));

        row.ShouldBe((7L, "octo"));
    }

    [Fact]
    public async Task Read_Fails_NamingAColumnTheQueryLacks()
    {
        var (shape, id, _) = RepositoryLike();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => ReadOneAsync("SELECT 7 AS id, 'octo' AS owner", shape, r => r.Int64(id)));

        error.Message.ShouldContain("lacks column(s) name");
        error.Message.ShouldContain("it has id, owner");
    }

    [Fact]
    public async Task Read_Fails_WhenAColumnComesTwice()
    {
        var (shape, id, _) = RepositoryLike();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => ReadOneAsync("SELECT 7 AS id, 'octo' AS name, 8 AS ID", shape, r => r.Int64(id)));

        error.Message.ShouldContain("column 'id' twice");
    }

    [Fact]
    public async Task Read_Fails_ForAColumnOfAnotherShape()
    {
        var (shape, _, _) = RepositoryLike();
        var (_, otherId, _) = RepositoryLike();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => ReadOneAsync("SELECT 7 AS id, 'octo' AS name", shape, r => r.Int64(otherId)));

        error.Message.ShouldContain("is read from a result shaped as a repository");
    }

    [Fact]
    public async Task ExtendedShape_ReadsTheBaseColumnsByName_AndSelectsItsOwnWithAliases()
    {
        var (shape, id, name) = RepositoryLike();
        var summary = new RowShape("summary", extends: shape);
        var views = summary.Column("views", "SUM(d.views)");
        var role = summary.Column("role", "m.role");

        summary.Select("r").ShouldBe("r.id, r.name, SUM(d.views) AS views, m.role");
        var row = await ReadOneAsync("SELECT 12 AS VIEWS, 'viewer' AS role, 'octo' AS name, 7 AS id", summary, r => (r.Int64(id), r.Text(name), r.Int64(views), r.Text(role)));

        row.ShouldBe((7L, "octo", 12L, "viewer"));
    }

    [Fact]
    public void Column_Fails_OnceTheShapeIsInUse()
    {
        var (shape, _, _) = RepositoryLike();
        shape.Select().ShouldBe("id, name");

        Should.Throw<InvalidOperationException>(() => shape.Column("owner")).Message.ShouldContain("already in use");
    }

    private static (RowShape Shape, RowColumn Id, RowColumn Name) RepositoryLike()
    {
        var shape = new RowShape("repository");
        return (shape, shape.Column("id"), shape.Column("name"));
    }

    private static async Task<T> ReadOneAsync<T>(string sql, RowShape shape, Func<RowReader, T> read)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        return read(new RowReader(reader, Dialect, shape));
    }
}
