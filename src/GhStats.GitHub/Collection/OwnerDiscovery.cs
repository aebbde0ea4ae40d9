using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.Logging;
using Octokit;

namespace GhStats.GitHub.Collection;

/// <summary>Finds new repositories of owners tracked as a whole and starts tracking those that pass the filters.</summary>
internal sealed partial class OwnerDiscovery(IRepositoryStore repositories, ILogger<OwnerDiscovery> logger)
{
    /// <summary>Lists the owner's repositories and tracks the new ones; repositories removed by a person stay removed.</summary>
    /// <returns>How many repositories it started tracking.</returns>
    public async Task<int> DiscoverAsync(TrackedOwner owner, long? connectionId, IGitHubClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        IReadOnlyList<Repository> found;
        try
        {
            found = await client.Repository.GetAllForOrg(owner.Owner).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            // Not an organisation: a user.
            found = await client.Repository.GetAllForUser(owner.Owner).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Owner {Owner}: {Found} repositories on GitHub, {Added} newly tracked")]
    private static partial void LogDiscovered(ILogger logger, string owner, int found, int added);
}
