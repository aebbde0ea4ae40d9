using System.Runtime.CompilerServices;
using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Stores;

namespace GhStats.Storage.Audit;

/// <summary>The audit log on a relational database: appends and reads, and no statement that changes a stored entry.</summary>
internal sealed class AuditStore(StoreDatabase db, AuditStatements sql) : IAuditStore
{
    // An open time range written as values every database keeps (Db2's timestamps end in year 9999).
    private static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public Task<AuditEntry> AppendAsync(NewAuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.Actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Action, nameof(entry));
        if (!Enum.IsDefined(entry.Actor.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(entry), entry.Actor.Kind, "Unknown actor kind.");
        }

        // What was done is already done: an over-long name is cut rather than the record of it refused.
        var actor = entry.Actor with { Name = Input.Cut(string.IsNullOrWhiteSpace(entry.Actor.Name) ? "unknown" : entry.Actor.Name, FieldLimits.AuditActor)! };
        var action = Input.Cut(entry.Action, FieldLimits.AuditAction)!;
        var target = entry.Target is { } t
            ? new AuditTarget(Input.Cut(t.Kind, FieldLimits.AuditTargetKind)!, Input.Cut(t.Id, FieldLimits.AuditTargetId), Input.Cut(t.Name, FieldLimits.AuditTargetName))
            : null;
        var details = Input.Cut(entry.Details, FieldLimits.AuditDetails);
        var address = Input.Cut(entry.ClientAddress, FieldLimits.ClientAddress);
        var now = db.Now;
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                using var insert = db.Command(connection, transaction, sql.Insert)
                    .With("occurred_at", now).WithEnum("actor_kind", actor.Kind).With("actor_user_id", actor.UserId).With("actor_name", actor.Name)
                    .With("tenant_id", entry.TenantId).With("action", action)
                    .With("target_kind", target?.Kind).With("target_id", target?.Id).With("target_name", target?.Name)
                    .With("details", details).With("client_address", address);
                var id = await insert.ScalarInt64Async(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The database returned no id for the new audit entry.");
                return new AuditEntry(id, now, actor, entry.TenantId, action, target, details, address);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, int limit = 50, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        var statement = query.TenantId is null ? sql.ListAll(limit) : sql.ListTenant(limit);
        return db.ReadAsync<IReadOnlyList<AuditEntry>>(
            async connection =>
            {
                using var command = Bind(db.Command(connection, statement), query);
                return await command.ListAsync(AuditEntryRows.Shape, AuditEntryRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public IAsyncEnumerable<AuditEntry> StreamAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var statement = query.TenantId is null ? sql.StreamAll : sql.StreamTenant;
        return db.StreamAsync((connection, token) => ReadAsync(connection, statement, query, token), cancellationToken);
    }

    private async IAsyncEnumerable<AuditEntry> ReadAsync(
        System.Data.Common.DbConnection connection, Sql.SqlStatement statement, AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var command = Bind(db.Command(connection, statement), query);
        await foreach (var entry in command.StreamAsync(AuditEntryRows.Shape, AuditEntryRows.Read, cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
    }

    private static StoreCommand Bind(StoreCommand command, AuditQuery query)
    {
        if (query.TenantId is { } tenantId)
        {
            command.With("tenant_id", tenantId);
        }

        // A prefix ending in a dot ("member.") matches the family; anything else matches the one action.
        var action = query.Action is { Length: > 0 } a ? Escaped(a.Trim()) + (a.Trim().EndsWith('.') ? "%" : string.Empty) : "%";
        var actor = query.Actor is { Length: > 0 } who ? "%" + Escaped(who.Trim().ToLowerInvariant()) + "%" : "%";
        return command
            .With("before_id", query.BeforeId ?? long.MaxValue)
            .With("from_time", query.From ?? Earliest)
            .With("until_time", query.Until ?? Latest)
            .With("action", action)
            .With("actor", actor);
    }

    /// <summary>The text as a LIKE pattern that matches it literally (escape character: backslash).</summary>
    private static string Escaped(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
