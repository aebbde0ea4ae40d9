namespace GhStats.Domain;

/// <summary>A named lock with an expiry that every process sharing the database honours (one collection at a time).</summary>
/// <param name="Name">The lease, e.g. "collection".</param>
/// <param name="Holder">Who holds it (a process and run identifier).</param>
/// <param name="ExpiresAt">When it lapses unless renewed (UTC).</param>
public sealed record Lease(string Name, string Holder, DateTimeOffset ExpiresAt);
