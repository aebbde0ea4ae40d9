using System.Net.Sockets;
using GhStats.Testing.Postgres;
using Npgsql;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.Postgres;

public sealed class PostgresServerTests
{
    [Fact]
    public async Task PostgresServer_StartsAndAcceptsQueries_InAFreshDatabase()
    {
        var server = await PostgresServer.SharedAsync();
        (await PostgresServer.SharedAsync()).ShouldBeSameAs(server);

        var first = await server.CreateDatabaseAsync("Starts And Accepts");
        var second = await server.CreateDatabaseAsync("Starts And Accepts");

        var firstName = new NpgsqlConnectionStringBuilder(first).Database;
        var secondName = new NpgsqlConnectionStringBuilder(second).Database;
        firstName.ShouldNotBe(secondName);
        firstName.ShouldStartWith("starts_and_accepts_");

        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync();
            (await Scalar(connection, "select 1")).ShouldBe(1);
            (await Scalar(connection, "select current_database()")).ShouldBe(firstName);
            await Execute(connection, "create table visits (id int primary key, path text not null)");
            await Execute(connection, "insert into visits values (1, '/'), (2, '/docs')");
            (await Scalar(connection, "select count(*) from visits")).ShouldBe(2L);
        }

        // A second database starts empty: the table made in the first is not there.
        await using (var connection = new NpgsqlConnection(second))
        {
            await connection.OpenAsync();
            (await Scalar(connection, "select to_regclass('visits') is null")).ShouldBe(true);
        }
    }

    [Fact]
    public async Task PostgresServer_Dispose_StopsTheServerAndRemovesItsFolder()
    {
        var server = await PostgresServer.StartAsync();
        var connectionString = await server.CreateDatabaseAsync();
        var folder = server.RootDirectory;
        Directory.Exists(folder).ShouldBeTrue();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            (await Scalar(connection, "select 1")).ShouldBe(1);
        }

        await server.DisposeAsync();

        Directory.Exists(folder).ShouldBeFalse();
        using (var client = new TcpClient())
        {
            await Should.ThrowAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", server.Port));
        }

        await Should.ThrowAsync<ObjectDisposedException>(() => server.CreateDatabaseAsync());
        await server.DisposeAsync();
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
