using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Memberships;

/// <summary>The SQL of <see cref="MembershipStore"/>.</summary>
internal sealed class MembershipStatements : StatementSet
{
    public MembershipStatements(SqlDialect dialect)
        : base(dialect)
    {
        var invitationColumns = InvitationRows.Shape.Select();
        TenantExists = CountTenant("Memberships");
        UserExists = new("Memberships.UserExists", $"SELECT COUNT(*) FROM {T("users")} WHERE id = @user_id");
        RepositoryExists = CountRepository("Memberships");

        // Members without an email sort last everywhere.
        ListMembers = new("Memberships.ListMembers",
            $"SELECT {MemberRows.Shape.Select("u")} " +
            $"FROM {T("memberships")} m JOIN {T("users")} u ON u.id = m.user_id WHERE m.tenant_id = @tenant_id " +
            "ORDER BY CASE WHEN u.email IS NULL THEN 1 ELSE 0 END, u.email, u.id");
        ListMemberships = new("Memberships.ListMemberships",
            $"SELECT {MembershipRows.Shape.Select()} FROM {T("memberships")} WHERE user_id = @user_id ORDER BY tenant_id");
        MemberRole = new("Memberships.MemberRole",
            $"SELECT {RoleRows.Shape.Select()} FROM {T("memberships")} WHERE tenant_id = @tenant_id AND user_id = @user_id");
        InsertMember = new("Memberships.InsertMember",
            $"INSERT INTO {T("memberships")} (tenant_id, user_id, role) VALUES (@tenant_id, @user_id, @role)");
        UpdateMember = new("Memberships.UpdateMember",
            $"UPDATE {T("memberships")} SET role = @role WHERE tenant_id = @tenant_id AND user_id = @user_id");
        DeleteMember = new("Memberships.DeleteMember",
            $"DELETE FROM {T("memberships")} WHERE tenant_id = @tenant_id AND user_id = @user_id");

        FindInvitation = new("Memberships.FindInvitation",
            $"SELECT {invitationColumns} FROM {T("invitations")} WHERE tenant_id = @tenant_id AND email = @email");
        InsertInvitation = new("Memberships.InsertInvitation",
            $"INSERT INTO {T("invitations")} (tenant_id, email, role, created_at) VALUES (@tenant_id, @email, @role, @created_at)");
        UpdateInvitation = new("Memberships.UpdateInvitation",
            $"UPDATE {T("invitations")} SET role = @role WHERE tenant_id = @tenant_id AND email = @email");
        ListInvitations = new("Memberships.ListInvitations",
            $"SELECT {invitationColumns} FROM {T("invitations")} WHERE tenant_id = @tenant_id ORDER BY email");
        InvitationsForEmail = new("Memberships.InvitationsForEmail",
            $"SELECT {invitationColumns} FROM {T("invitations")} WHERE email = @email ORDER BY tenant_id");
        DeleteInvitation = new("Memberships.DeleteInvitation",
            $"DELETE FROM {T("invitations")} WHERE tenant_id = @tenant_id AND email = @email");

        GrantExists = new("Memberships.GrantExists",
            $"SELECT COUNT(*) FROM {T("repo_grants")} WHERE user_id = @user_id AND repo_id = @repo_id");
        InsertGrant = new("Memberships.InsertGrant", $"INSERT INTO {T("repo_grants")} (user_id, repo_id) VALUES (@user_id, @repo_id)");
        DeleteGrant = new("Memberships.DeleteGrant", $"DELETE FROM {T("repo_grants")} WHERE user_id = @user_id AND repo_id = @repo_id");
        ListGrants = new("Memberships.ListGrants", $"SELECT {GrantRows.Shape.Select()} FROM {T("repo_grants")} WHERE user_id = @user_id ORDER BY repo_id");
    }

    public SqlStatement TenantExists { get; }

    public SqlStatement UserExists { get; }

    public SqlStatement RepositoryExists { get; }

    public SqlStatement ListMembers { get; }

    public SqlStatement ListMemberships { get; }

    public SqlStatement MemberRole { get; }

    public SqlStatement InsertMember { get; }

    public SqlStatement UpdateMember { get; }

    public SqlStatement DeleteMember { get; }

    public SqlStatement FindInvitation { get; }

    public SqlStatement InsertInvitation { get; }

    public SqlStatement UpdateInvitation { get; }

    public SqlStatement ListInvitations { get; }

    public SqlStatement InvitationsForEmail { get; }

    public SqlStatement DeleteInvitation { get; }

    public SqlStatement GrantExists { get; }

    public SqlStatement InsertGrant { get; }

    public SqlStatement DeleteGrant { get; }

    public SqlStatement ListGrants { get; }
}
