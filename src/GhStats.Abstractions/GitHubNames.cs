using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace GhStats;

/// <summary>GitHub's rules for owner and repository names.</summary>
public static partial class GitHubNames
{
    /// <summary>Whether <paramref name="owner"/> is a valid GitHub user or organisation name: 1 to 39 letters, digits or single hyphens, not starting or ending with a hyphen.</summary>
    /// <param name="owner">The candidate.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValidOwner([NotNullWhen(true)] string? owner) =>
        owner is { Length: > 0 and <= FieldLimits.RepositoryOwner } && OwnerPattern().IsMatch(owner);

    /// <summary>Whether <paramref name="name"/> is a valid GitHub repository name: 1 to 100 letters, digits, '.', '-' or '_', and not "." or "..".</summary>
    /// <param name="name">The candidate.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValidRepositoryName([NotNullWhen(true)] string? name) =>
        name is { Length: > 0 and <= FieldLimits.RepositoryName } && name is not "." and not ".." && RepositoryPattern().IsMatch(name);

    /// <summary>Splits "owner/name" and checks both parts.</summary>
    /// <param name="fullName">The candidate, e.g. "dotnet/runtime".</param>
    /// <param name="owner">The owner, when valid.</param>
    /// <param name="name">The repository name, when valid.</param>
    /// <returns>True when both parts are valid.</returns>
    public static bool TryParseFullName(string? fullName, [NotNullWhen(true)] out string? owner, [NotNullWhen(true)] out string? name)
    {
        owner = null;
        name = null;
        if (string.IsNullOrEmpty(fullName))
        {
            return false;
        }

        var slash = fullName.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || fullName.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        var candidateOwner = fullName[..slash];
        var candidateName = fullName[(slash + 1)..];
        if (!IsValidOwner(candidateOwner) || !IsValidRepositoryName(candidateName))
        {
            return false;
        }

        owner = candidateOwner;
        name = candidateName;
        return true;
    }

    // \z, not $: $ also matches before a final line break, which would let "owner\n" through.
    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*\z", RegexOptions.CultureInvariant)]
    private static partial Regex OwnerPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryPattern();
}
