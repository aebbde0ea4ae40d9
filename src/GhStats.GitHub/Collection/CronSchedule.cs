using Cronos;

namespace GhStats.GitHub.Collection;

/// <summary>Reads a schedule: five fields (minute precision), or six with seconds first.</summary>
internal static class CronSchedule
{
    public static CronExpression Parse(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }
}
