using GhStats.Stores;

namespace GhStats.Web;

/// <summary>
/// The newest collection run's progress as one string (its id, status, repositories done and finish): it moves whenever
/// a collection writes, so the response caches version their answers by it.
/// </summary>
internal static class CollectionVersion
{
    public static async Task<string> NewestAsync(ICollectionRunStore runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var newest = await runs.ListAsync(1, cancellationToken);
        var latest = newest.Count > 0 ? newest[0] : null;
        return $"{latest?.Id}:{latest?.Status}:{latest?.ReposDone}:{latest?.FinishedAt?.UtcTicks}";
    }
}
