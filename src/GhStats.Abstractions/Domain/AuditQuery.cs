namespace GhStats.Domain;

/// <summary>Which audit entries to read, newest first.</summary>
/// <param name="TenantId">Only this tenant's entries; null for every entry, installation-level ones included.</param>
/// <param name="From">Only entries at or after this time.</param>
/// <param name="Until">Only entries before this time.</param>
/// <param name="Action">Only this action (<c>member.added</c>), or every action starting with it when it ends with a dot (<c>member.</c>).</param>
/// <param name="Actor">Only entries whose actor's name contains this text, ignoring case.</param>
/// <param name="BeforeId">Only entries older than this one: the next page after a page whose last entry had this id.</param>
public sealed record AuditQuery(
    long? TenantId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? Until = null,
    string? Action = null,
    string? Actor = null,
    long? BeforeId = null);
