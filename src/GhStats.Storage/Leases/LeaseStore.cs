using System.Data.Common;
using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Stores;

namespace GhStats.Storage.Leases;

/// <summary>Leases on a relational database: a row per lease, taken by a conditional update or a first insert.</summary>
internal sealed class LeaseStore(StoreDatabase db, LeaseStatements sql) : ILeaseStore
{
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        Check(name, holder, duration);
        try
        {
            return await db.WriteAsync(
                async (connection, transaction) =>
                {
                    var now = db.Now;
                    using (var takeOver = db.Command(connection, transaction, sql.TakeOver)
                        .With("holder", holder).With("expires_at", now + duration).With("name", name).With("current_holder", holder).With("now", now))
                    {
                        if (await takeOver.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1)
                        {
                            return true;
                        }
                    }

                    using (var find = db.Command(connection, transaction, sql.Find).With("name", name))
                    {
                        if (await find.FirstOrDefaultAsync(LeaseRows.Shape, LeaseRows.Read, cancellationToken).ConfigureAwait(false) is not null)
                        {
                            return false;
                        }
                    }

                    using var insert = db.Command(connection, transaction, sql.Insert)
                        .With("name", name).With("holder", holder).With("expires_at", now + duration);
                    await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            // Another process inserted the first row of this lease a moment before us: it holds the lease.
            return false;
        }
    }

    public Task<bool> RenewAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        Check(name, holder, duration);
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                var now = db.Now;
                using var renew = db.Command(connection, transaction, sql.Renew)
                    .With("expires_at", now + duration).With("name", name).With("holder", holder).With("now", now);
                return await renew.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    public Task<bool> ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        Check(name, holder, TimeSpan.FromSeconds(1));
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                using var release = db.Command(connection, transaction, sql.Release).With("name", name).With("holder", holder);
                return await release.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    public Task<Lease?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        Input.Required(name, nameof(name), FieldLimits.LeaseName);
        return db.ReadAsync(
            async connection =>
            {
                using var find = db.Command(connection, sql.Find).With("name", name);
                return await find.FirstOrDefaultAsync(LeaseRows.Shape, LeaseRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }


    private static void Check(string name, string holder, TimeSpan duration)
    {
        Input.Required(name, nameof(name), FieldLimits.LeaseName);
        Input.Required(holder, nameof(holder), FieldLimits.LeaseHolder);
        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A lease lasts more than zero and at most one day.");
        }
    }
}
