using System.Data.Common;
using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Storage.Sql;
using GhStats.Storage.Users;
using GhStats.Stores;

namespace GhStats.Storage.Memberships;

/// <summary>Memberships, invitations and single-repository grants on a relational database.</summary>
internal sealed class MembershipStore(StoreDatabase db, MembershipStatements sql, UserStatements users) : IMembershipStore
{
    public Task<IReadOnlyList<TenantMember>> ListMembersAsync(long tenantId, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<TenantMember>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.ListMembers).With("tenant_id", tenantId);
                return await command.ListAsync(MemberRows.Shape, MemberRows.Read, cancellationToken)
                    .ConfigureAwait(false);
            },
            cancellationToken);

    public Task<IReadOnlyList<Membership>> ListMembershipsAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<Membership>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.ListMemberships).With("user_id", userId);
                return await command.ListAsync(MembershipRows.Shape, MembershipRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task SetMemberAsync(long tenantId, long userId, TenantRole role, CancellationToken cancellationToken = default)
    {
        Defined(role, nameof(role));
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                await db.RequireAsync(connection, transaction, sql.TenantExists, c => c.With("tenant_id", tenantId), "tenant", tenantId, cancellationToken).ConfigureAwait(false);
                await db.RequireAsync(connection, transaction, sql.UserExists, c => c.With("user_id", userId), "user", userId, cancellationToken).ConfigureAwait(false);
                var current = await MemberRoleAsync(connection, transaction, tenantId, userId, cancellationToken).ConfigureAwait(false);
                await WriteMemberAsync(connection, transaction, tenantId, userId, role, current, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<bool> RemoveMemberAsync(long tenantId, long userId, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = db.Command(connection, transaction, sql.DeleteMember).With("tenant_id", tenantId).With("user_id", userId);
                return await command.ExecuteAsync(cancellationToken).ConfigureAwait(false) > 0
                    && await EndSessionsAsync(connection, transaction, userId, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<Invitation> InviteAsync(long tenantId, string email, TenantRole role, CancellationToken cancellationToken = default)
    {
        var checkedEmail = Input.Email(email, nameof(email));
        Defined(role, nameof(role));
        var now = db.Now;
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                await db.RequireAsync(connection, transaction, sql.TenantExists, c => c.With("tenant_id", tenantId), "tenant", tenantId, cancellationToken).ConfigureAwait(false);

                Invitation? pending;
                using (var find = db.Command(connection, transaction, sql.FindInvitation).With("tenant_id", tenantId).With("email", checkedEmail))
                {
                    pending = await find.FirstOrDefaultAsync(InvitationRows.Shape, InvitationRows.Read, cancellationToken).ConfigureAwait(false);
                }

                if (pending is null)
                {
                    using var insert = db.Command(connection, transaction, sql.InsertInvitation)
                        .With("tenant_id", tenantId).With("email", checkedEmail).WithEnum("role", role).With("created_at", now);
                    await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                    return new Invitation(tenantId, checkedEmail, role, now);
                }

                // Changing the role of a pending invitation keeps its original date: it is the same invitation.
                using var update = db.Command(connection, transaction, sql.UpdateInvitation)
                    .WithEnum("role", role).With("tenant_id", tenantId).With("email", checkedEmail);
                await update.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                return pending with { Role = role };
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Invitation>> ListInvitationsAsync(long tenantId, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<Invitation>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.ListInvitations).With("tenant_id", tenantId);
                return await command.ListAsync(InvitationRows.Shape, InvitationRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<IReadOnlyList<Invitation>> ListInvitationsForEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var normalized = UserStore.NormalizeEmail(email);
        return db.ReadAsync<IReadOnlyList<Invitation>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.InvitationsForEmail).With("email", normalized);
                return await command.ListAsync(InvitationRows.Shape, InvitationRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<bool> RevokeInvitationAsync(long tenantId, string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var normalized = UserStore.NormalizeEmail(email);
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = db.Command(connection, transaction, sql.DeleteInvitation).With("tenant_id", tenantId).With("email", normalized);
                return await command.ExecuteAsync(cancellationToken).ConfigureAwait(false) > 0;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Membership>> AcceptInvitationsAsync(long userId, string verifiedEmail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verifiedEmail);
        var normalized = UserStore.NormalizeEmail(verifiedEmail);
        return db.WriteAsync<IReadOnlyList<Membership>>(
            async (connection, transaction) =>
            {
                await db.RequireAsync(connection, transaction, sql.UserExists, c => c.With("user_id", userId), "user", userId, cancellationToken).ConfigureAwait(false);

                List<Invitation> invitations;
                using (var find = db.Command(connection, transaction, sql.InvitationsForEmail).With("email", normalized))
                {
                    invitations = await find.ListAsync(InvitationRows.Shape, InvitationRows.Read, cancellationToken).ConfigureAwait(false);
                }

                var changed = new List<Membership>();
                foreach (var invitation in invitations)
                {
                    var current = await MemberRoleAsync(connection, transaction, invitation.TenantId, userId, cancellationToken).ConfigureAwait(false);

                    // An invitation never demotes: an Owner invited as Viewer stays Owner.
                    var role = current == TenantRole.Owner || invitation.Role == TenantRole.Owner ? TenantRole.Owner : TenantRole.Viewer;
                    if (current != role)
                    {
                        await WriteMemberAsync(connection, transaction, invitation.TenantId, userId, role, current, cancellationToken).ConfigureAwait(false);
                        changed.Add(new Membership(invitation.TenantId, userId, role));
                    }

                    // Deleting by key, not by email, leaves an invitation made after the read for the next sign-in.
                    using var delete = db.Command(connection, transaction, sql.DeleteInvitation)
                        .With("tenant_id", invitation.TenantId).With("email", invitation.Email);
                    await delete.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }

                return changed;
            },
            cancellationToken);
    }

    public Task GrantRepositoryAsync(long userId, long repositoryId, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async (connection, transaction) =>
            {
                await db.RequireAsync(connection, transaction, sql.UserExists, c => c.With("user_id", userId), "user", userId, cancellationToken).ConfigureAwait(false);
                await db.RequireAsync(connection, transaction, sql.RepositoryExists, c => c.With("repo_id", repositoryId), "repository", repositoryId, cancellationToken).ConfigureAwait(false);

                using (var exists = db.Command(connection, transaction, sql.GrantExists).With("user_id", userId).With("repo_id", repositoryId))
                {
                    if (await exists.ScalarInt64Async(cancellationToken).ConfigureAwait(false) > 0)
                    {
                        return;
                    }
                }

                using var insert = db.Command(connection, transaction, sql.InsertGrant).With("user_id", userId).With("repo_id", repositoryId);
                await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<bool> RevokeRepositoryAsync(long userId, long repositoryId, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = db.Command(connection, transaction, sql.DeleteGrant).With("user_id", userId).With("repo_id", repositoryId);
                return await command.ExecuteAsync(cancellationToken).ConfigureAwait(false) > 0
                    && await EndSessionsAsync(connection, transaction, userId, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<IReadOnlyList<RepositoryGrant>> ListGrantsAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<RepositoryGrant>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.ListGrants).With("user_id", userId);
                return await command.ListAsync(GrantRows.Shape, GrantRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    private static void Defined(TenantRole role, string field)
    {
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(field, role, "Unknown tenant role.");
        }
    }

    private async Task<TenantRole?> MemberRoleAsync(DbConnection connection, DbTransaction transaction, long tenantId, long userId, CancellationToken cancellationToken)
    {
        using var command = db.Command(connection, transaction, sql.MemberRole).With("tenant_id", tenantId).With("user_id", userId);
        var roles = await command.ListAsync(RoleRows.Shape, RoleRows.Read<TenantRole>, cancellationToken).ConfigureAwait(false);
        return roles.Count == 0 ? null : roles[0];
    }

    private async Task WriteMemberAsync(
        DbConnection connection, DbTransaction transaction, long tenantId, long userId, TenantRole role, TenantRole? current, CancellationToken cancellationToken)
    {
        if (current == role)
        {
            return;
        }

        // Parameters are bound in the order the text names them, which positional drivers need.
        using var command = current is null
            ? db.Command(connection, transaction, sql.InsertMember).With("tenant_id", tenantId).With("user_id", userId).WithEnum("role", role)
            : db.Command(connection, transaction, sql.UpdateMember).WithEnum("role", role).With("tenant_id", tenantId).With("user_id", userId);
        await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        if (current is not null)
        {
            await EndSessionsAsync(connection, transaction, userId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A membership, role or grant taken away or changed ends the person's sessions on every replica.</summary>
    private async Task<bool> EndSessionsAsync(DbConnection connection, DbTransaction transaction, long userId, CancellationToken cancellationToken)
    {
        using var command = db.Command(connection, transaction, users.EndSessions).With("user_id", userId);
        await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
