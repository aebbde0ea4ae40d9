using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace GhStats.Transfer.Tests.Import;

/// <summary>
/// Builds the sources whose files are binary from the text fixtures: ghstats' SQLite file from its own schema DDL and
/// rows as its inserts write them, repohistory's export archives from the CSV files its export route puts in them.
/// </summary>
internal static class SourceFixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>
    /// Creates <c>ghstats.db</c> in <paramref name="directory"/> as ghstats opens it (sqlx: WAL journal), with its
    /// migrations' DDL and the fixture's rows, then <paramref name="extraSql"/>.
    /// </summary>
    public static string GhstatsDatabase(string directory, string? extraSql = null)
    {
        var path = Path.Combine(directory, "ghstats.db");
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            foreach (var sql in new[] { "PRAGMA journal_mode = WAL;", Read("Ghstats", "schema.sql"), Read("Ghstats", "data.sql"), extraSql ?? "" })
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }
        }

        return path;
    }

    /// <summary>Zips each folder of Fixtures/Repohistory into <c>&lt;folder&gt;.zip</c> in <paramref name="directory"/>, as repohistory's export does (files at the root).</summary>
    public static string RepohistoryArchives(string directory)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.Combine(Root, "Repohistory")))
        {
            ZipFile.CreateFromDirectory(folder, Path.Combine(directory, Path.GetFileName(folder) + ".zip"));
        }

        return directory;
    }

    /// <summary>Writes one archive with the given entries (name, bytes), for hostile archives.</summary>
    public static string Archive(string directory, string name, params (string Entry, byte[] Content)[] entries)
    {
        var path = Path.Combine(directory, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var stream = zip.CreateEntry(entry).Open();
            stream.Write(content);
        }

        return path;
    }

    private static string Read(string fixture, string file) => File.ReadAllText(Path.Combine(Root, fixture, file));
}
