using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Users;

/// <summary>The SQL of <see cref="UserStore"/>.</summary>
internal sealed class UserStatements : StatementSet
{
    public UserStatements(SqlDialect dialect)
        : base(dialect)
    {
        var profileColumns = ProfileRows.Shape.Select();
        Insert = new("Users.Insert", Dialect.InsertReturningId(
            T("users"), "issuer, subject, email, display_name, created_at", "@issuer, @subject, @email, @display_name, @created_at"));
        FindByIdentity = new("Users.FindByIdentity",
            $"SELECT {profileColumns} FROM {T("users")} WHERE issuer = @issuer AND subject = @subject");
        Find = new("Users.Find", $"SELECT {profileColumns} FROM {T("users")} WHERE id = @user_id");

        // Emails are stored lower-case, so an equality on the lower-cased argument can use ix_users_email.
        FindByEmail = new("Users.FindByEmail", $"SELECT {profileColumns} FROM {T("users")} WHERE email = @email ORDER BY id");

        // NULLs sort first on SQLite and last elsewhere; the CASE puts profiles without an email last everywhere.
        List = new("Users.List",
            $"SELECT {profileColumns} FROM {T("users")} ORDER BY CASE WHEN email IS NULL THEN 1 ELSE 0 END, email, id");
        RecordSignIn = new("Users.RecordSignIn",
            $"UPDATE {T("users")} SET email = @email, display_name = @display_name, last_login_at = @last_login_at WHERE id = @user_id");
        BindIdentity = new("Users.BindIdentity",
            $"UPDATE {T("users")} SET issuer = @issuer, subject = @subject WHERE id = @user_id");
        SetLanguage = new("Users.SetLanguage", $"UPDATE {T("users")} SET language = @language WHERE id = @user_id");
        UserExists = new("Users.UserExists", $"SELECT COUNT(*) FROM {T("users")} WHERE id = @user_id");
        SystemRoles = new("Users.SystemRoles", $"SELECT {RoleRows.Shape.Select()} FROM {T("system_roles")} WHERE user_id = @user_id");
        SystemRoleExists = new("Users.SystemRoleExists",
            $"SELECT COUNT(*) FROM {T("system_roles")} WHERE user_id = @user_id AND role = @role");
        AddSystemRole = new("Users.AddSystemRole", $"INSERT INTO {T("system_roles")} (user_id, role) VALUES (@user_id, @role)");
        RemoveSystemRole = new("Users.RemoveSystemRole", $"DELETE FROM {T("system_roles")} WHERE user_id = @user_id AND role = @role");
        SessionStamp = new("Users.SessionStamp", $"SELECT session_stamp FROM {T("users")} WHERE id = @user_id");
        EndSessions = new("Users.EndSessions", $"UPDATE {T("users")} SET session_stamp = session_stamp + 1 WHERE id = @user_id");
    }

    public SqlStatement Insert { get; }

    public SqlStatement FindByIdentity { get; }

    public SqlStatement Find { get; }

    public SqlStatement FindByEmail { get; }

    public SqlStatement List { get; }

    public SqlStatement RecordSignIn { get; }

    public SqlStatement BindIdentity { get; }

    public SqlStatement SetLanguage { get; }

    public SqlStatement UserExists { get; }

    public SqlStatement SystemRoles { get; }

    public SqlStatement SystemRoleExists { get; }

    public SqlStatement AddSystemRole { get; }

    public SqlStatement RemoveSystemRole { get; }

    public SqlStatement SessionStamp { get; }

    public SqlStatement EndSessions { get; }
}
