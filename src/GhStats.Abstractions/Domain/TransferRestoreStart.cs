namespace GhStats.Domain;

/// <summary>A restore to start from an uploaded archive.</summary>
/// <param name="TenantSlug">The tenant to restore: the archive must hold that tenant only. Null restores every tenant of the archive (Admins).</param>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="Actor">Who restores, for the audit log.</param>
public sealed record TransferRestoreStart(string? TenantSlug, string FileName, AuditActor Actor)
{
    /// <summary>Report what the restore would do, and write nothing.</summary>
    public bool DryRun { get; init; }
}
