using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>Creates and upgrades the database schema.</summary>
public interface ISchemaMigrator
{
    /// <summary>Applies every pending migration, under a lock so two processes never migrate at once.</summary>
    /// <param name="cancellationToken">Cancels waiting for the lock.</param>
    /// <returns>A task that completes once the schema is current.</returns>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Tells whether the database is reachable and its schema current.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The status; never throws for an unreachable database.</returns>
    Task<SchemaStatus> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the DDL of the whole schema for this provider, for DBAs who apply it by hand. Needs no connection.</summary>
    /// <returns>The script.</returns>
    string GenerateScript();
}
