using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>Data Protection keys in the database, shared by every replica.</summary>
public interface IDataProtectionKeyStore
{
    /// <summary>Reads every key.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys.</returns>
    Task<IReadOnlyList<DataProtectionKey>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a key; a key of the same name is replaced.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once stored.</returns>
    Task StoreAsync(DataProtectionKey key, CancellationToken cancellationToken = default);
}
