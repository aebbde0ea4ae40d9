using System.Globalization;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.GitHub.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit;

namespace GhStats.GitHub.Collection;

/// <summary>Finds new repositories of owners tracked as a whole and starts tracking those that pass the filters.</summary>
internal sealed partial class OwnerDiscovery(IRepositoryStore repositories, IOptions<GitHubCollectorOptions> options, ILogger<OwnerDiscovery> logger)
{
    /// <summary>Lists the owner's repositories and tracks the new ones; repositories removed by a person stay removed.</summary>
    /// <returns>How many repositories it started tracking.</returns>
    public async Task<int> DiscoverAsync(TrackedOwner owner, long? connectionId, IGitHubClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        List<Repository> found;
        try
        {
            found = await ListAsync(client, ApiUrls.OrganizationRepositories(owner.Owner), cancellationToken).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            // Not an organisation: a user.
            found = await ListAsync(client, ApiUrls.Repositories(owner.Owner), cancellationToken).ConfigureAwait(false);
        }

        var include = new NamePatterns(owner.Include);
        var exclude = new NamePatterns(owner.Exclude);
        var added = 0;
        foreach (var repository in found)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((owner.SkipForks && repository.Fork) || (owner.SkipArchived && repository.Archived)
                || (!include.IsEmpty && !include.Matches(repository.Name)) || exclude.Matches(repository.Name))
            {
                continue;
            }

            var ownerLogin = repository.Owner?.Login ?? owner.Owner;
            if (await repositories.FindByNameAsync(owner.TenantId, ownerLogin, repository.Name, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            try
            {
                await repositories.AddAsync(owner.TenantId, ownerLogin, repository.Name, connectionId, cancellationToken).ConfigureAwait(false);
                added++;
            }
            catch (GhStatsConflictException)
            {
                // Another request tracked it meanwhile.
            }
        }

        LogDiscovered(logger, owner.Owner, found.Count, added);
        return added;
    }

    /// <summary>
    /// Every page of a listing, following GitHub's <c>Link: rel=next</c> (which the client sends to the connection's own
    /// API origin only) up to <see cref="GitHubCollectorOptions.MaxPagesPerListing"/> pages: a server that never stops
    /// paging fails the listing instead of holding the run.
    /// </summary>
    private async Task<List<Repository>> ListAsync(IGitHubClient client, Uri first, CancellationToken cancellationToken)
    {
        var maxPages = options.Value.MaxPagesPerListing;
        var found = new List<Repository>();
        Uri? next = first;
        var parameters = new Dictionary<string, string> { ["per_page"] = "100" };
        for (var page = 1; next is not null; page++)
        {
            if (page > maxPages)
            {
                throw new GitHubRequestRefusedException(string.Create(CultureInfo.InvariantCulture,
                    $"The listing {first} has more than {maxPages} pages, the limit GhStats:Collector:MaxPagesPerListing sets; it was not read further."));
            }

            var response = await client.Connection.Get<List<Repository>>(next, page == 1 ? parameters : null, null, cancellationToken).ConfigureAwait(false);
            found.AddRange(response.Body);
            next = response.HttpResponse.ApiInfo?.GetNextPageUrl();
        }

        return found;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Owner {Owner}: {Found} repositories on GitHub, {Added} newly tracked")]
    private static partial void LogDiscovered(ILogger logger, string owner, int found, int added);
}
