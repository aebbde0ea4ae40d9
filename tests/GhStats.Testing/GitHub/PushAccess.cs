namespace GhStats.Testing.GitHub;

/// <summary>Which repositories a token may push to: "owner/name", "owner/*" or "*", compared ignoring case like GitHub.</summary>
internal sealed class PushAccess
{
    private readonly bool _everything;
    private readonly HashSet<string> _owners = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _repositories = new(StringComparer.OrdinalIgnoreCase);

    public PushAccess(IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
            if (pattern == "*")
            {
                _everything = true;
            }
            else if (pattern.EndsWith("/*", StringComparison.Ordinal))
            {
                _owners.Add(pattern[..^2]);
            }
            else if (pattern.Contains('/', StringComparison.Ordinal))
            {
                _repositories.Add(pattern);
            }
            else
            {
                throw new ArgumentException($"'{pattern}' is not \"owner/name\", \"owner/*\" or \"*\".", nameof(patterns));
            }
        }
    }

    public bool CanPush(SimulatedRepository repository) =>
        _everything || _owners.Contains(repository.Owner) || _repositories.Contains(repository.FullName);
}
