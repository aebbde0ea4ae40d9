using System.Globalization;
using System.Text;
using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// Per-repository day coverage (<c>traffic_daily.coverage</c>: 1 partial, 2 complete; a day without a row is not
/// collected; every stored day starts as partial) and
/// each repository's last successful daily read (<c>repositories.last_daily_read_on</c>), back-filled from what the
/// stored data and run history prove:
/// <list type="bullet">
/// <item>a day with a <c>traffic_daily</c> row was read: at least partial;</item>
/// <item>a repository collected without error in a run that finished (Succeeded or CompletedWithErrors, tracked when the
/// run started, in the run's tenant, no <c>collection_errors</c> row for it in that run) had its 14-day window read at some
/// instant between the run's start and finish: the days from the finish day - 13 to the start day are known (those two
/// edges partial, the days between complete; the same window when both are one day), the window's days without a row are
/// stored as the zeros GitHub left out, and the latest such start day is the repository's last daily read.</item>
/// </list>
/// What cannot be proven stays not collected or partial: days read by runs that failed, were cancelled or abandoned
/// (some repositories may have been read before the run stopped); repositories whose run recorded any error (the daily
/// read may have succeeded before a later call failed); repositories tracked after a run started; runs whose log was
/// deleted; and whether a day known only from a <c>traffic_daily</c> row (no proving run) was complete. Such a day is
/// marked partial: its counts are a lower bound. A run longer than 13 days proves nothing.
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(5, "GhStats day coverage and last daily read")]
public sealed class TrafficCoverage(StoreSchema schema) : SchemaMigration(schema)
{
    /// <inheritdoc />
    public override void Up()
    {
        // Default 1: every day stored so far was read, so it is at least partial.
        var daily = Alter.Table("traffic_daily");
        (SchemaName is null ? daily : daily.InSchema(SchemaName))
            .AddColumn("coverage").AsInt16().NotNullable().WithDefaultValue(1);

        var repositories = Alter.Table("repositories");
        (SchemaName is null ? repositories : repositories.InSchema(SchemaName))
            .AddColumn("last_daily_read_on").AsDate().Nullable();

        // The proven days are gathered once in a staging table (the WITH stays at the top of an INSERT, where the three
        // databases all take it), then raise the stored days and add the missing ones; the table is dropped at the end.
        Table(Proofs)
            .WithColumn("repo_id").AsInt64().NotNullable().PrimaryKey("pk_coverage_proofs")
            .WithColumn("day").AsDate().NotNullable().PrimaryKey("pk_coverage_proofs")
            .WithColumn("coverage").AsInt16().NotNullable();

        // The only dialect differences: a timestamp's day and a day minus a number of days.
        // One statement per call: Db2 runs one statement per command.
        foreach (var statement in BackFill(new DateSql(t => $"substr({t}, 1, 10)", (d, n) => $"date({d}, '-' || {n} || ' days')")))
        {
            IfDatabase("SQLite").Execute.Sql(statement);
        }

        foreach (var statement in BackFill(new DateSql(t => $"CAST({t} AS DATE)", (d, n) => $"({d} - {n})")))
        {
            IfDatabase("PostgreSQL").Execute.Sql(statement);
        }

        foreach (var statement in BackFill(new DateSql(t => $"DATE({t})", (d, n) => $"({d} - {n} DAYS)")))
        {
            IfDatabase("DB2").Execute.Sql(statement);
        }

        var dropProofs = Delete.Table(Proofs);
        if (SchemaName is not null)
        {
            dropProofs.InSchema(SchemaName);
        }
    }

    /// <summary>The back-fill's staging table: each proven day with its best coverage; dropped when the back-fill is done.</summary>
    private const string Proofs = "coverage_proofs";

    /// <summary>The back-fill's statements, in order.</summary>
    private List<string> BackFill(DateSql date)
    {
        // The runs that prove repository r was read: finished, in its tenant, tracked at the start, no error for it.
        var proving =
            $"x.finished_at IS NOT NULL AND x.status IN ('Succeeded', 'CompletedWithErrors') " +
            "AND (x.tenant_id IS NULL OR x.tenant_id = r.tenant_id) AND r.added_at <= x.started_at " +
            "AND (r.removed_at IS NULL OR r.removed_at > x.started_at) " +
            $"AND NOT EXISTS (SELECT 1 FROM {Qualified("collection_errors")} e WHERE e.run_id = x.id AND e.repo_id = r.id)";
        var offsets = string.Join(", ", Enumerable.Range(0, 14).Select(n => string.Create(CultureInfo.InvariantCulture, $"({n})")));
        var day = date.MinusDays("p.last_day", "o.n");

        var statements = new List<string>();
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {Qualified(Proofs)} (repo_id, day, coverage) ")
            .Append(CultureInfo.InvariantCulture, $"WITH offsets (n) AS (VALUES {offsets}), ")
            .Append(CultureInfo.InvariantCulture, $"proofs (repo_id, first_day, last_day) AS (SELECT r.id, {date.MinusDays(date.DayOf("x.finished_at"), "13")}, {date.DayOf("x.started_at")} ")
            .Append(CultureInfo.InvariantCulture, $"FROM {Qualified("collection_runs")} x JOIN {Qualified("repositories")} r ON {proving}), ")
            .Append(CultureInfo.InvariantCulture, $"proven (repo_id, day, coverage) AS (SELECT p.repo_id, {day}, CASE WHEN o.n = 0 OR {day} = p.first_day THEN 1 ELSE 2 END ")
            .Append(CultureInfo.InvariantCulture, $"FROM proofs p CROSS JOIN offsets o WHERE {day} >= p.first_day) ")
            .Append("SELECT repo_id, day, MAX(coverage) FROM proven GROUP BY repo_id, day");
        statements.Add(sql.ToString());
        sql.Clear();

        // A proven day with a stored row: its coverage is raised (the maximum rule the store merges it with).
        var match = "c.repo_id = d.repo_id AND c.day = d.day";
        sql.Append(CultureInfo.InvariantCulture, $"UPDATE {Qualified("traffic_daily")} AS d SET coverage = (SELECT c.coverage FROM {Qualified(Proofs)} c WHERE {match}) ")
            .Append(CultureInfo.InvariantCulture, $"WHERE EXISTS (SELECT 1 FROM {Qualified(Proofs)} c WHERE {match} AND c.coverage > d.coverage)");
        statements.Add(sql.ToString());
        sql.Clear();

        // A proven day that GitHub left out of its window had no traffic: a known zero, stored like the collector stores it.
        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {Qualified("traffic_daily")} (repo_id, day, views, unique_views, clones, unique_clones, coverage) SELECT c.repo_id, c.day, 0, 0, 0, 0, c.coverage FROM {Qualified(Proofs)} c ")
            .Append(CultureInfo.InvariantCulture, $"WHERE NOT EXISTS (SELECT 1 FROM {Qualified("traffic_daily")} d WHERE {match})");
        statements.Add(sql.ToString());
        sql.Clear();

        sql.Append(CultureInfo.InvariantCulture, $"UPDATE {Qualified("repositories")} AS r SET last_daily_read_on = ")
            .Append(CultureInfo.InvariantCulture, $"(SELECT MAX({date.DayOf("x.started_at")}) FROM {Qualified("collection_runs")} x WHERE {proving} ")
            .Append(CultureInfo.InvariantCulture, $"AND {date.MinusDays(date.DayOf("x.finished_at"), "13")} <= {date.DayOf("x.started_at")})");
        statements.Add(sql.ToString());
        return statements;
    }

    /// <summary>How a database writes the day of a timestamp and a day minus a number of days.</summary>
    private sealed record DateSql(Func<string, string> DayOf, Func<string, string, string> MinusDays);
}
