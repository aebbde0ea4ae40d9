using System.Data.Common;

namespace GhStats.Db2;

/// <summary>
/// Recognises Db2 errors by SQLSTATE or message id. IBM's exception may leave <see cref="DbException.SqlState"/> unset,
/// but its message always carries both, as in "ERROR [23505] [IBM][DB2/LINUXX8664] SQL0803N ...".
/// </summary>
internal static class Db2Error
{
    /// <summary>Whether the exception carries one of the SQLSTATEs or message ids.</summary>
    /// <param name="exception">The driver's exception.</param>
    /// <param name="codes">SQLSTATEs ("23505") and message ids ("SQL0803N").</param>
    /// <returns>True when any matches.</returns>
    public static bool Is(DbException? exception, params ReadOnlySpan<string> codes)
    {
        if (exception is null)
        {
            return false;
        }

        foreach (var code in codes)
        {
            if (code.StartsWith("SQL", StringComparison.Ordinal)
                ? exception.Message.Contains(code, StringComparison.Ordinal)
                : exception.SqlState == code || exception.Message.Contains($"[{code}]", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
