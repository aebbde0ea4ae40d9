namespace GhStats.Domain;

/// <summary>A transfer job to record, once its upload is stored.</summary>
/// <param name="TenantId">The tenant it imports into or restores, or null for an installation archive (Admins only).</param>
/// <param name="Kind">Import or restore.</param>
/// <param name="Source">The import source's command name (e.g. <c>ibm-csv</c>), or <c>archive</c> for a restore.</param>
/// <param name="FileName">The uploaded file's name as given (shown, never used as a path).</param>
/// <param name="FileBytes">The upload's size.</param>
/// <param name="DryRun">Report only, write nothing.</param>
/// <param name="RequestedBy">Who asked (as in the audit log).</param>
public sealed record NewTransferJob(long? TenantId, TransferJobKind Kind, string Source, string FileName, long FileBytes, bool DryRun, AuditActor RequestedBy);
