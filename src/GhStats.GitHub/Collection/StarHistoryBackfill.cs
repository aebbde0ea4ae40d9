using System.Globalization;
using System.Net;
using GhStats.Domain;
using GhStats.GitHub.Client;
using GhStats.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit;

namespace GhStats.GitHub.Collection;

/// <summary>
/// Backfills a repository's star history before tracking from GitHub's stargazers list, read with the star media type
/// (each star with its date), oldest first, 100 a page, through the connection's client like every other call. Each page
/// is stored with the next page to read, so a run that stops resumes there; each run reads at most
/// <see cref="GitHubCollectorOptions.StarBackfillPagesPerRun"/> pages. A list GitHub refuses (its pagination limit, a
/// 403 or 422) keeps what was read and is marked limited; any other failure leaves the backfill where it was.
/// </summary>
internal sealed partial class StarHistoryBackfill(IStarHistoryStore store, IOptions<GitHubCollectorOptions> options, ILogger<StarHistoryBackfill> logger)
{
    /// <summary>GitHub's media type that adds <c>starred_at</c> to each stargazer.</summary>
    internal const string StarMediaType = "application/vnd.github.star+json";

    /// <summary>The most stargazers a page holds; positions in the list are counted in pages of this size.</summary>
    internal const int PageSize = 100;

    /// <summary>Reads on where the backfill stopped; never throws but for cancellation.</summary>
    public async Task BackfillAsync(TrackedRepository repository, IGitHubClient client, int stargazersCount, CancellationToken cancellationToken)
    {
        var pagesPerRun = options.Value.StarBackfillPagesPerRun;
        if (pagesPerRun == 0)
        {
            return;
        }

        try
        {
            var backfill = await store.GetBackfillAsync(repository.Id, cancellationToken).ConfigureAwait(false);
            if (backfill?.IsFinished == true)
            {
                return;
            }

            var page = backfill?.NextPage ?? 1;
            for (var read = 0; read < pagesPerRun; read++, page++)
            {
                var (stars, hasNext) = await ReadPageAsync(repository, client, page, cancellationToken).ConfigureAwait(false);
                var starsRead = ((page - 1) * PageSize) + stars.Count;

                // A full last page that leaves stargazers unlisted is where GitHub stopped paging, not the list's end.
                var truncated = !hasNext && stars.Count == PageSize && starsRead < stargazersCount;
                var stored = await store.StorePageAsync(new StarBackfillPage(repository.Id, page, Days(repository.Id, page, stars), starsRead, hasNext), cancellationToken).ConfigureAwait(false);
                if (truncated)
                {
                    await LimitAsync(repository, string.Create(CultureInfo.InvariantCulture, $"GitHub listed {starsRead} of {stargazersCount} stargazers."), cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (stored.IsFinished)
                {
                    LogComplete(logger, repository.FullName, stored.StarsRead);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ApiException refused) when (refused.StatusCode is HttpStatusCode.UnprocessableEntity || IsRefusal(refused))
        {
            await LimitAsync(repository, $"GitHub answered {(int)refused.StatusCode}: {GitHubErrorBody.Describe(refused)}", cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A backfill that cannot go on now resumes in a later run; the repository's collection stands.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var (_, message) = GitHubFailure.ForCollection(exception);
            LogPaused(logger, repository.FullName, message);
        }
    }

    /// <summary>A 403 that is not a rate limit: the token may not list this repository's stargazers, now or later.</summary>
    private static bool IsRefusal(ApiException exception) =>
        exception is ForbiddenException and not RateLimitExceededException and not SecondaryRateLimitExceededException;

    private static async Task<(IReadOnlyList<UserStar> Stars, bool HasNext)> ReadPageAsync(
        TrackedRepository repository, IGitHubClient client, int page, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>
        {
            ["per_page"] = PageSize.ToString(CultureInfo.InvariantCulture),
            ["page"] = page.ToString(CultureInfo.InvariantCulture),
        };
        var response = await client.Connection.Get<List<UserStar>>(ApiUrls.Stargazers(repository.Owner, repository.Name), parameters, StarMediaType, cancellationToken).ConfigureAwait(false);
        var stars = response.Body ?? [];
        return (stars, stars.Count > 0 && response.HttpResponse.ApiInfo?.GetNextPageUrl() is not null);
    }

    /// <summary>
    /// The list is oldest first, so the star at position n (1 first) is the n-th current stargazer: a day's stars are the
    /// position of its last star on the page.
    /// </summary>
    private static List<StarHistoryDay> Days(long repositoryId, int page, IReadOnlyList<UserStar> stars)
    {
        var days = new SortedDictionary<DateOnly, int>();
        for (var i = 0; i < stars.Count; i++)
        {
            var day = DateOnly.FromDateTime(stars[i].StarredAt.UtcDateTime);
            days[day] = Math.Max(days.GetValueOrDefault(day), ((page - 1) * PageSize) + i + 1);
        }

        return days.Select(d => new StarHistoryDay(repositoryId, d.Key, d.Value)).ToList();
    }

    private async Task LimitAsync(TrackedRepository repository, string reason, CancellationToken cancellationToken)
    {
        var limited = await store.MarkLimitedAsync(repository.Id, reason, cancellationToken).ConfigureAwait(false);
        LogLimited(logger, repository.FullName, limited.StarsRead, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Star history of {Repository} backfilled: {Stars} stargazers read")]
    private static partial void LogComplete(ILogger logger, string repository, int stars);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Star history of {Repository} is limited after {Stars} stargazers: {Reason}")]
    private static partial void LogLimited(ILogger logger, string repository, int stars, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Star history backfill of {Repository} paused until a later run: {Reason}")]
    private static partial void LogPaused(ILogger logger, string repository, string reason);
}
