namespace GhStats.Client.Models;

/// <summary>A page of the audit log, newest first.</summary>
/// <param name="Entries">The entries.</param>
/// <param name="NextBefore">Pass as <c>before</c> for the next page; null on the last page.</param>
public sealed record AuditLog(IReadOnlyList<AuditEntry> Entries, long? NextBefore);
