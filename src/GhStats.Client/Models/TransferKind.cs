namespace GhStats.Client.Models;

/// <summary>The values of <see cref="TransferJob.Kind"/>.</summary>
public static class TransferKind
{
    /// <summary>Another tool's history imported into a tenant.</summary>
    public const string Import = "import";

    /// <summary>A GhStats archive restored.</summary>
    public const string Restore = "restore";
}
