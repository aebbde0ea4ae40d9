namespace GhStats.Domain;

/// <summary>What an audited action was done to.</summary>
/// <param name="Kind">E.g. <c>tenant</c>, <c>member</c>, <c>connection</c>, <c>token</c>, <c>repository</c>, <c>owner</c>, <c>run</c>.</param>
/// <param name="Id">Its id (a number or an email), when it has one.</param>
/// <param name="Name">Its name at the time, e.g. a slug or <c>owner/name</c>.</param>
public sealed record AuditTarget(string Kind, string? Id, string? Name);
