using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>Named leases that every process sharing the database honours; one holder at a time until the lease lapses.</summary>
public interface ILeaseStore
{
    /// <summary>Takes a lease when it is free, lapsed, or already held by <paramref name="holder"/> (which renews it).</summary>
    /// <param name="name">The lease.</param>
    /// <param name="holder">Who asks.</param>
    /// <param name="duration">How long it lasts unless renewed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when <paramref name="holder"/> now holds it.</returns>
    Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Extends a lease its holder still holds.</summary>
    /// <param name="name">The lease.</param>
    /// <param name="holder">The holder.</param>
    /// <param name="duration">How long from now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>False when the lease lapsed and someone else took it, or it is gone.</returns>
    Task<bool> RenewAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives a lease back.</summary>
    /// <param name="name">The lease.</param>
    /// <param name="holder">The holder; a lease held by someone else is left alone.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when it was released.</returns>
    Task<bool> ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default);

    /// <summary>Reads a lease, lapsed or not.</summary>
    /// <param name="name">The lease.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The lease, or null when nobody took it yet.</returns>
    Task<Lease?> FindAsync(string name, CancellationToken cancellationToken = default);
}
