namespace GhStats.Client.Models;

/// <summary>What a restore did, or as a dry run would do.</summary>
/// <param name="DryRun">Whether nothing was written.</param>
/// <param name="Manifest">The archive's manifest.</param>
/// <param name="Tenants">Per tenant of the archive.</param>
/// <param name="Notes">What the operator should know (connections that need their token, rows left out and why).</param>
public sealed record RestoreReport(bool DryRun, ArchiveManifest Manifest, IReadOnlyList<TenantRestoreReport> Tenants, IReadOnlyList<string> Notes);
