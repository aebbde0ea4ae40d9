using System.Text.RegularExpressions;

namespace GhStats.GitHub.Collection;

/// <summary>Comma-separated repository-name patterns with '*' and '?', matched without regard to case, as GitHub's names are.</summary>
internal sealed class NamePatterns
{
    private readonly Regex[] _patterns;

    public NamePatterns(string? list) =>
        _patterns = (list ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => new Regex("^" + Regex.Escape(p).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))
            .ToArray();

    public bool IsEmpty => _patterns.Length == 0;

    public bool Matches(string name) => _patterns.Any(p => p.IsMatch(name));
}
