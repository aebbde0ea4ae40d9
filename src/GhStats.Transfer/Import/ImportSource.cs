namespace GhStats.Transfer.Import;

/// <summary>The tools whose history GhStats imports, each read as that tool writes it.</summary>
public enum ImportSource
{
    /// <summary>
    /// The IBM github-traffic-stats app's Db2 tables as <c>EXPORT TO &lt;table&gt;.del OF DEL SELECT * FROM &lt;table&gt;</c>
    /// writes them, one file per table in one directory (<c>ibm-db2</c>).
    /// </summary>
    IbmDb2Export = 1,

    /// <summary>The IBM github-traffic-stats app's <c>/data/repostats.csv</c> download (<c>ibm-csv</c>).</summary>
    IbmRepostatsCsv = 2,

    /// <summary>The data directory jgehrcke/github-repo-stats commits (<c>github-repo-stats</c>).</summary>
    GitHubRepoStats = 3,

    /// <summary>vladkens/ghstats' SQLite database file, read without writing to it (<c>ghstats-sqlite</c>).</summary>
    GhstatsSqlite = 4,

    /// <summary>repohistory's CSV export archive <c>&lt;owner&gt;-&lt;repo&gt;-data-csv.zip</c>, or a directory of them (<c>repohistory</c>).</summary>
    RepohistoryCsv = 5,
}
