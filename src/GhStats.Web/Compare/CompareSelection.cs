using System.Globalization;
using GhStats.Domain;
using GhStats.Web.Api;
using GhStats.Web.Authorization;
using Microsoft.AspNetCore.Http;

namespace GhStats.Web.Compare;

/// <summary>Reads and checks the repositories of a comparison: <c>repos=1,2,3</c>, one to <see cref="Limit"/>, all readable in the tenant.</summary>
internal static class CompareSelection
{
    public const int Limit = 10;

    /// <summary>The ids in the order given, repeats dropped.</summary>
    public static IReadOnlyList<long> Ids(HttpRequest request)
    {
        var ids = new List<long>();
        foreach (var part in request.Query["repos"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw ApiProblems.Invalid("ReposInvalid", part);
            }

            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids.Count switch
        {
            0 => throw ApiProblems.Invalid("ReposEmpty", Limit),
            > Limit => throw ApiProblems.Invalid("ReposTooMany", ids.Count, Limit),
            _ => ids,
        };
    }

    /// <summary>The ids of a page address that are numbers; the page's script reports the rest through the API.</summary>
    public static IReadOnlyList<long> Listed(string? repos) =>
        [.. (repos ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1)
            .Where(id => id >= 0).Distinct()];

    /// <summary>
    /// The repositories, each one the caller may read in <paramref name="tenant"/>; any other answers exactly as a
    /// missing one does, so a link shared with someone without access tells them nothing of what it holds.
    /// </summary>
    public static async Task<IReadOnlyList<TrackedRepository>> RepositoriesAsync(ApiAccess access, Tenant tenant, IReadOnlyList<long> ids)
    {
        var repositories = new List<TrackedRepository>(ids.Count);
        foreach (var id in ids)
        {
            var repository = await access.RepositoryAsync(id);
            repositories.Add(repository.TenantId == tenant.Id ? repository : throw new GhStatsNotFoundException("repository", id));
        }

        return repositories;
    }
}
