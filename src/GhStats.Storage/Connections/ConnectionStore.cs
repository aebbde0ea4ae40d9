using System.Globalization;
using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Stores;

namespace GhStats.Storage.Connections;

/// <summary>GitHub connections on a relational database; secrets are stored as the caller encrypted them.</summary>
internal sealed class ConnectionStore(StoreDatabase db, ConnectionStatements sql) : IConnectionStore
{
    public Task<GitHubConnection> AddAsync(NewGitHubConnection connection, CancellationToken cancellationToken = default)
    {
        var added = Checked(connection) with { CreatedAt = db.Now };
        return db.WriteAsync(
            async (dbConnection, transaction) =>
            {
                await db.RequireAsync(dbConnection, transaction, sql.TenantExists, c => c.With("tenant_id", added.TenantId), "tenant", added.TenantId, cancellationToken).ConfigureAwait(false);

                using var insert = db.Command(dbConnection, transaction, sql.Insert)
                    .With("tenant_id", added.TenantId).With("name", added.Name).WithEnum("kind", added.Kind)
                    .With("api_base_url", added.ApiBaseUrl).With("protected_secret", added.ProtectedSecret)
                    .With("app_id", added.AppId).With("installation_id", added.InstallationId).With("created_at", added.CreatedAt);
                var id = await insert.ScalarInt64Async(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The database returned no id for the new connection.");
                return added with { Id = id };
            },
            cancellationToken);
    }

    public Task<GitHubConnection> GetAsync(long tenantId, long connectionId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async connection =>
            {
                using var command = db.Command(connection, sql.Get).With("connection_id", connectionId).With("tenant_id", tenantId);
                return await command.FirstOrDefaultAsync(ConnectionRows.Shape, ConnectionRows.Read, cancellationToken).ConfigureAwait(false)
                    ?? throw new GhStatsNotFoundException("connection", connectionId);
            },
            cancellationToken);

    public Task<IReadOnlyList<GitHubConnection>> ListAsync(long tenantId, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<GitHubConnection>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.List).With("tenant_id", tenantId);
                return await command.ListAsync(ConnectionRows.Shape, ConnectionRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task UpdateSecretAsync(long tenantId, long connectionId, string protectedSecret, CancellationToken cancellationToken = default)
    {
        var secret = Input.Required(protectedSecret, nameof(protectedSecret), FieldLimits.ProtectedSecret);
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = db.Command(connection, transaction, sql.UpdateSecret)
                    .With("protected_secret", secret).With("connection_id", connectionId).With("tenant_id", tenantId);
                if (await command.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    throw new GhStatsNotFoundException("connection", connectionId);
                }
            },
            cancellationToken);
    }

    public Task DeleteAsync(long tenantId, long connectionId, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async (connection, transaction) =>
            {
                // Checked first so that a connection of another tenant leaves that tenant's repositories untouched.
                await db.RequireAsync(connection, transaction, sql.Exists, c => c.With("connection_id", connectionId).With("tenant_id", tenantId), "connection", connectionId, cancellationToken).ConfigureAwait(false);

                using (var detach = db.Command(connection, transaction, sql.DetachRepositories).With("connection_id", connectionId))
                {
                    await detach.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }

                using (var detachOwners = db.Command(connection, transaction, sql.DetachTrackedOwners).With("connection_id", connectionId))
                {
                    await detachOwners.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }

                using var delete = db.Command(connection, transaction, sql.Delete).With("connection_id", connectionId).With("tenant_id", tenantId);
                await delete.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Validates everything before the database is touched; the result lacks only its id and date.</summary>
    private static GitHubConnection Checked(NewGitHubConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var name = Input.Required(connection.Name, "Name", FieldLimits.ConnectionName);
        var apiBaseUrl = Input.Required(connection.ApiBaseUrl, "ApiBaseUrl", FieldLimits.ApiBaseUrl);
        if (!Uri.TryCreate(apiBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"ApiBaseUrl '{apiBaseUrl}' is not an absolute http or https address.", nameof(connection));
        }

        var secret = Input.Required(connection.ProtectedSecret, "ProtectedSecret", FieldLimits.ProtectedSecret);
        switch (connection.Kind)
        {
            case GitHubConnectionKind.App:
                Positive(connection.AppId, "AppId");
                Positive(connection.InstallationId, "InstallationId");
                break;
            case GitHubConnectionKind.PersonalAccessToken:
                if (connection.AppId is not null || connection.InstallationId is not null)
                {
                    throw new ArgumentException("A personal access token connection has no AppId or InstallationId.", nameof(connection));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(connection), connection.Kind, "Unknown connection kind.");
        }

        return new GitHubConnection(
            0, connection.TenantId, name, connection.Kind, apiBaseUrl, secret, connection.AppId, connection.InstallationId, default);
    }

    private static void Positive(long? value, string field)
    {
        if (value is not > 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A GitHub App connection needs a positive {field}; got {value?.ToString(CultureInfo.InvariantCulture) ?? "none"}."),
                field);
        }
    }
}
