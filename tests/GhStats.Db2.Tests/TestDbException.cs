using System.Data.Common;

namespace GhStats.Db2.Tests;

/// <summary>A driver exception with a chosen SQLSTATE and message, as IBM's driver raises them.</summary>
/// <param name="message">The message, e.g. "ERROR [23505] [IBM][DB2/LINUXX8664] SQL0803N ...".</param>
/// <param name="sqlState">The SQLSTATE the exception reports, or null as IBM's may.</param>
public sealed class TestDbException(string message, string? sqlState = null) : DbException(message)
{
    public override string? SqlState => sqlState;
}
