using System.Data.Common;
using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Stores;

namespace GhStats.Storage.Users;

/// <summary>User profiles and system roles on a relational database.</summary>
internal sealed class UserStore(StoreDatabase db, UserStatements sql) : IUserStore
{
    public Task<UserProfile> CreateAsync(string issuer, string subject, string? email, string? displayName, CancellationToken cancellationToken = default)
    {
        var checkedIssuer = Input.Required(issuer, nameof(issuer), FieldLimits.Issuer);
        var checkedSubject = Input.Required(subject, nameof(subject), FieldLimits.Subject);
        var checkedEmail = string.IsNullOrEmpty(email) ? null : Input.Email(email, nameof(email));
        var checkedName = Input.Optional(displayName, nameof(displayName), FieldLimits.DisplayName);
        var now = db.Now;

        return db.WriteAsync(
            async (connection, transaction) =>
            {
                await EnsureIdentityFreeAsync(connection, transaction, checkedIssuer, checkedSubject, cancellationToken).ConfigureAwait(false);

                try
                {
                    using var insert = db.Command(connection, transaction, sql.Insert)
                        .With("issuer", checkedIssuer).With("subject", checkedSubject).With("email", checkedEmail)
                        .With("display_name", checkedName).With("created_at", now);
                    var id = await insert.ScalarInt64Async(cancellationToken).ConfigureAwait(false)
                        ?? throw new InvalidOperationException("The database returned no id for the new user.");
                    return new UserProfile(id, checkedIssuer, checkedSubject, checkedEmail, checkedName, now, null);
                }
                catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
                {
                    // Another replica created the same identity between the check and the insert.
                    throw IdentityConflict(checkedIssuer, checkedSubject, e);
                }
            },
            cancellationToken);
    }

    public Task<UserProfile?> FindByIdentityAsync(string issuer, string subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(subject);
        return db.ReadAsync(
            async connection =>
            {
                using var command = db.Command(connection, sql.FindByIdentity).With("issuer", issuer).With("subject", subject);
                return await command.FirstOrDefaultAsync(ProfileRows.Shape, ProfileRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<UserProfile?> FindAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async connection =>
            {
                using var command = db.Command(connection, sql.Find).With("user_id", userId);
                return await command.FirstOrDefaultAsync(ProfileRows.Shape, ProfileRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<IReadOnlyList<UserProfile>> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var normalized = NormalizeEmail(email);
        return db.ReadAsync<IReadOnlyList<UserProfile>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.FindByEmail).With("email", normalized);
                return await command.ListAsync(ProfileRows.Shape, ProfileRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<UserProfile>> ListAsync(CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<UserProfile>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.List);
                return await command.ListAsync(ProfileRows.Shape, ProfileRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<UserProfile> RecordSignInAsync(long userId, string? email, string? displayName, CancellationToken cancellationToken = default)
    {
        var checkedEmail = string.IsNullOrEmpty(email) ? null : Input.Email(email, nameof(email));
        var checkedName = Input.Optional(displayName, nameof(displayName), FieldLimits.DisplayName);
        var now = db.Now;

        return db.WriteAsync(
            async (connection, transaction) =>
            {
                UserProfile current;
                using (var find = db.Command(connection, transaction, sql.Find).With("user_id", userId))
                {
                    current = await find.FirstOrDefaultAsync(ProfileRows.Shape, ProfileRows.Read, cancellationToken).ConfigureAwait(false)
                        ?? throw new GhStatsNotFoundException("user", userId);
                }

                // A provider that omits a claim this time has not taken it away: keep what we knew.
                var updated = current with
                {
                    Email = checkedEmail ?? current.Email,
                    DisplayName = checkedName ?? current.DisplayName,
                    LastLoginAt = now,
                };

                using var update = db.Command(connection, transaction, sql.RecordSignIn)
                    .With("email", updated.Email).With("display_name", updated.DisplayName)
                    .With("last_login_at", now).With("user_id", userId);
                await update.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                return updated;
            },
            cancellationToken);
    }

    public Task<UserProfile> SetLanguageAsync(long userId, string? language, CancellationToken cancellationToken = default)
    {
        var checkedLanguage = Input.Language(language, nameof(language));
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                UserProfile current;
                using (var find = db.Command(connection, transaction, sql.Find).With("user_id", userId))
                {
                    current = await find.FirstOrDefaultAsync(ProfileRows.Shape, ProfileRows.Read, cancellationToken).ConfigureAwait(false)
                        ?? throw new GhStatsNotFoundException("user", userId);
                }

                using var update = db.Command(connection, transaction, sql.SetLanguage).With("language", checkedLanguage).With("user_id", userId);
                await update.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                return current with { Language = checkedLanguage };
            },
            cancellationToken);
    }

    public Task<UserProfile> BindIdentityAsync(long userId, string issuer, string subject, CancellationToken cancellationToken = default)
    {
        var checkedIssuer = Input.Required(issuer, nameof(issuer), FieldLimits.Issuer);
        var checkedSubject = Input.Required(subject, nameof(subject), FieldLimits.Subject);

        return db.WriteAsync(
            async (connection, transaction) =>
            {
                UserProfile current;
                using (var find = db.Command(connection, transaction, sql.Find).With("user_id", userId))
                {
                    current = await find.FirstOrDefaultAsync(ProfileRows.Shape, ProfileRows.Read, cancellationToken).ConfigureAwait(false)
                        ?? throw new GhStatsNotFoundException("user", userId);
                }

                if (current.Issuer == checkedIssuer && current.Subject == checkedSubject)
                {
                    return current;
                }

                await EnsureIdentityFreeAsync(connection, transaction, checkedIssuer, checkedSubject, cancellationToken).ConfigureAwait(false);

                try
                {
                    using var update = db.Command(connection, transaction, sql.BindIdentity)
                        .With("issuer", checkedIssuer).With("subject", checkedSubject).With("user_id", userId);
                    await update.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
                {
                    // Another replica took the identity between the check and the update.
                    throw IdentityConflict(checkedIssuer, checkedSubject, e);
                }

                return current with { Issuer = checkedIssuer, Subject = checkedSubject };
            },
            cancellationToken);
    }

    /// <summary>Throws a conflict when another profile already signs in with this identity.</summary>
    private async Task EnsureIdentityFreeAsync(DbConnection connection, DbTransaction transaction, string issuer, string subject, CancellationToken cancellationToken)
    {
        using var holder = db.Command(connection, transaction, sql.FindByIdentity).With("issuer", issuer).With("subject", subject);
        if (await holder.FirstOrDefaultAsync(ProfileRows.Shape, ProfileRows.Read, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw IdentityConflict(issuer, subject, null);
        }
    }

    public Task<IReadOnlySet<SystemRole>> GetSystemRolesAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlySet<SystemRole>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.SystemRoles).With("user_id", userId);
                var roles = await command.ListAsync(RoleRows.Shape, RoleRows.Read<SystemRole>, cancellationToken).ConfigureAwait(false);
                return roles.ToHashSet();
            },
            cancellationToken);

    public Task AddSystemRoleAsync(long userId, SystemRole role, CancellationToken cancellationToken = default)
    {
        Defined(role, nameof(role));
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                await db.RequireAsync(connection, transaction, sql.UserExists, c => c.With("user_id", userId), "user", userId, cancellationToken).ConfigureAwait(false);

                using (var held = db.Command(connection, transaction, sql.SystemRoleExists).With("user_id", userId).WithEnum("role", role))
                {
                    if (await held.ScalarInt64Async(cancellationToken).ConfigureAwait(false) > 0)
                    {
                        return;
                    }
                }

                using var insert = db.Command(connection, transaction, sql.AddSystemRole).With("user_id", userId).WithEnum("role", role);
                await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<bool> RemoveSystemRoleAsync(long userId, SystemRole role, CancellationToken cancellationToken = default)
    {
        Defined(role, nameof(role));
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = db.Command(connection, transaction, sql.RemoveSystemRole).With("user_id", userId).WithEnum("role", role);
                if (await command.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    return false;
                }

                // A role taken away ends the sessions that were signed in with it.
                using var end = db.Command(connection, transaction, sql.EndSessions).With("user_id", userId);
                await end.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    public Task<long?> GetSessionStampAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async connection =>
            {
                using var command = db.Command(connection, sql.SessionStamp).With("user_id", userId);
                return await command.ScalarInt64Async(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task EndSessionsAsync(long userId, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = db.Command(connection, transaction, sql.EndSessions).With("user_id", userId);
                await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>How a looked-up email compares with stored ones, which are lower-case.</summary>
    internal static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    private static GhStatsConflictException IdentityConflict(string issuer, string subject, Exception? cause)
    {
        var message = $"A profile for subject '{subject}' of issuer '{issuer}' already exists.";
        return cause is null ? new GhStatsConflictException(message) : new GhStatsConflictException(message, cause);
    }

    private static void Defined(SystemRole role, string field)
    {
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(field, role, "Unknown system role.");
        }
    }
}
