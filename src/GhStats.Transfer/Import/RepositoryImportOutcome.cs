namespace GhStats.Transfer.Import;

/// <summary>What an import did (or, in a dry run, would do) with a repository.</summary>
public enum RepositoryImportOutcome
{
    /// <summary>The tenant already had it; its history was merged.</summary>
    Existing = 1,

    /// <summary>It was created as a tracked repository.</summary>
    CreatedTracked = 2,

    /// <summary>It was created as history only: kept and shown, not collected.</summary>
    CreatedHistoryOnly = 3,

    /// <summary>Nothing came across: its name is unknown or invalid, or writing it failed (see the rejections).</summary>
    Rejected = 4,
}
