using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>
/// The audit log: append-only. There is no update and no delete; what was recorded stays as it was written, so the log
/// outlives the tenants, people and connections it names.
/// </summary>
public interface IAuditStore
{
    /// <summary>Appends an entry, stamped with the store's clock.</summary>
    /// <param name="entry">The entry; texts longer than their <see cref="FieldLimits"/> are cut, never refused.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored entry.</returns>
    Task<AuditEntry> AppendAsync(NewAuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of entries, newest first.</summary>
    /// <param name="query">Which entries; page on with <see cref="AuditQuery.BeforeId"/> = the last id of this page.</param>
    /// <param name="limit">At most this many (1 to 1000).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>Reads every matching entry, newest first, one at a time as the caller asks (for exports).</summary>
    /// <param name="query">Which entries.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries.</returns>
    IAsyncEnumerable<AuditEntry> StreamAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
