using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Stores;

namespace GhStats.Storage.ETags;

/// <summary>The entity tags of GitHub's answers on a relational database.</summary>
internal sealed class GitHubETagStore(StoreDatabase db, GitHubETagStatements sql) : IGitHubETagStore
{
    public Task<IReadOnlyList<GitHubETag>> ListAsync(long repositoryId, long connectionId, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<GitHubETag>>(
            async connection =>
            {
                using var list = db.Command(connection, sql.List).With("repo_id", repositoryId).With("connection_id", connectionId);
                return await list.ListAsync(GitHubETagRows.Shape, GitHubETagRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task SaveAsync(IReadOnlyCollection<GitHubETag> etags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(etags);

        // One row per key: the last one given wins, as it would in two saves.
        var rows = etags
            .Select(e => e with
            {
                Read = Input.Required(e.Read, nameof(GitHubETag.Read), FieldLimits.GitHubReadName),
                ETag = Input.Required(e.ETag, nameof(GitHubETag.ETag), FieldLimits.GitHubETag),
                ReadOn = e.ReadOn >= Input.EarliestDay ? e.ReadOn : throw new ArgumentException($"An ETag read on {e.ReadOn:yyyy-MM-dd} is older than GitHub.", nameof(etags)),
            })
            .GroupBy(e => (e.RepositoryId, e.ConnectionId, e.Read))
            .Select(g => g.Last())
            .ToList();
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        return db.WriteAsync(
            async (connection, transaction) =>
            {
                foreach (var repositoryId in rows.Select(r => r.RepositoryId).Distinct())
                {
                    await db.RequireAsync(connection, transaction, sql.RepositoryExists, c => c.With("repo_id", repositoryId), "repository", repositoryId, cancellationToken).ConfigureAwait(false);
                }

                await db.WriteBatchesAsync(connection, transaction, rows, sql.BatchRows(GitHubETagStatements.Shape), sql.MergeTags, (command, e, i) => command
                    .With($"repo_id_{i}", e.RepositoryId).With($"connection_id_{i}", e.ConnectionId).With($"read_name_{i}", e.Read)
                    .With($"etag_{i}", e.ETag).With($"read_on_{i}", e.ReadOn), cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }
}
