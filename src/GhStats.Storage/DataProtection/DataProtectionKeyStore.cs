using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Stores;

namespace GhStats.Storage.DataProtection;

/// <summary>Data Protection keys on a relational database, shared by every replica.</summary>
internal sealed class DataProtectionKeyStore(StoreDatabase db, DataProtectionKeyStatements sql) : IDataProtectionKeyStore
{
    public Task<IReadOnlyList<DataProtectionKey>> ListAsync(CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<DataProtectionKey>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.List);
                return await command.ListAsync(DataProtectionKeyRows.Shape, DataProtectionKeyRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task StoreAsync(DataProtectionKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = Input.Required(key.FriendlyName, "FriendlyName", FieldLimits.DataProtectionKeyName);
        var xml = Input.Required(key.Xml, "Xml", FieldLimits.DataProtectionKeyXml);

        // Delete then insert is a portable upsert; the write transaction makes the replacement atomic.
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                using (var delete = db.Command(connection, transaction, sql.Delete).With("friendly_name", name))
                {
                    await delete.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }

                using var insert = db.Command(connection, transaction, sql.Insert).With("friendly_name", name).With("xml", xml);
                await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }
}
