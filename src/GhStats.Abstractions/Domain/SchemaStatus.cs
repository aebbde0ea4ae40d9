namespace GhStats.Domain;

/// <summary>Whether the database is reachable and its schema current.</summary>
/// <param name="Reachable">Whether a connection could be opened.</param>
/// <param name="AppliedVersion">The newest migration applied, or 0 for none.</param>
/// <param name="LatestVersion">The newest migration this version of GhStats knows.</param>
/// <param name="Message">What is wrong, when something is.</param>
public sealed record SchemaStatus(bool Reachable, long AppliedVersion, long LatestVersion, string? Message)
{
    /// <summary>Reachable and fully migrated.</summary>
    public bool IsReady => Reachable && AppliedVersion == LatestVersion;
}
