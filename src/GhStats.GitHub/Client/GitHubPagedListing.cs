using System.Globalization;
using Octokit;

namespace GhStats.GitHub.Client;

/// <summary>
/// Reads every page of a GitHub listing, following <c>Link: rel=next</c> (which the client sends to the connection's own
/// API origin only), up to <see cref="GitHubCollectorOptions.MaxPagesPerListing"/> pages: a server whose pages never end
/// fails the listing (and so the connection, for the run) instead of being asked forever. Octokit's <c>GetAll</c> follows
/// next pages without a limit.
/// </summary>
internal static class GitHubPagedListing
{
    public static async Task<List<T>> ReadAllAsync<T>(IGitHubClient client, Uri first, int maxPages, CancellationToken cancellationToken)
    {
        var found = new List<T>();
        Uri? next = first;
        var parameters = new Dictionary<string, string> { ["per_page"] = "100" };
        for (var page = 1; next is not null; page++)
        {
            if (page > maxPages)
            {
                throw new GitHubRequestRefusedException(string.Create(CultureInfo.InvariantCulture,
                    $"The listing {first} has more than {maxPages} pages, the limit GhStats:Collector:MaxPagesPerListing sets; it was not read further."));
            }

            var response = await client.Connection.Get<List<T>>(next, page == 1 ? parameters : null, null, cancellationToken).ConfigureAwait(false);
            found.AddRange(response.Body ?? []);
            next = response.HttpResponse.ApiInfo?.GetNextPageUrl();
        }

        return found;
    }
}
