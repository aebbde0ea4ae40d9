namespace GhStats.Testing.GitHub;

/// <summary>An account that owns simulated repositories, with its repositories sorted by name for listing.</summary>
internal sealed class SimulatedOwner(string login, long id, SimulatedOwnerType type)
{
    private readonly Lock _gate = new();
    private readonly List<SimulatedRepository> _repositories = [];
    private SimulatedRepository[]? _sorted;

    public string Login { get; } = login;

    public long Id { get; } = id;

    public SimulatedOwnerType Type { get; set; } = type;

    public void Add(SimulatedRepository repository)
    {
        lock (_gate)
        {
            _repositories.Add(repository);
            _sorted = null;
        }
    }

    /// <summary>The repositories ordered by name; rebuilt once after additions, so adding thousands stays linear.</summary>
    public SimulatedRepository[] Sorted()
    {
        var sorted = Volatile.Read(ref _sorted);
        if (sorted is not null)
        {
            return sorted;
        }

        lock (_gate)
        {
            _sorted ??= [.. _repositories.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)];
            return _sorted;
        }
    }
}
