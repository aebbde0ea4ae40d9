namespace GhStats.Domain;

/// <summary>What a transfer job does.</summary>
public enum TransferJobKind
{
    /// <summary>Imports another tool's history into a tenant.</summary>
    Import = 0,

    /// <summary>Restores a GhStats archive (a tenant's, or the installation's).</summary>
    Restore = 1,
}
