using GhStats.Storage;

namespace GhStats.Db2.Tests;

/// <summary>The shared dialect's defaults (RETURNING, ON CONFLICT, untyped markers): what the Db2 rules must catch.</summary>
internal sealed class StandardDialect() : SqlDialect("ghstats")
{
    public override string Name => "standard";

    public override string WeekStart(string dateExpression) => $"CAST(date_trunc('week', {dateExpression}) AS DATE)";

    public override string MonthStart(string dateExpression) => $"CAST(date_trunc('month', {dateExpression}) AS DATE)";
}
