namespace GhStats.Web.Api.Contracts;

/// <summary>A page of the audit log, newest first; <c>nextBefore</c> asks for the next page, null on the last.</summary>
internal sealed record AuditLogResponse(IReadOnlyList<AuditEntryResponse> Entries, long? NextBefore);
