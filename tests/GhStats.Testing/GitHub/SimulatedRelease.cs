namespace GhStats.Testing.GitHub;

/// <summary>A release of a simulated repository, with its assets; a draft shows only to tokens that can push.</summary>
public sealed class SimulatedRelease
{
    private readonly object _gate = new();
    private readonly List<SimulatedAsset> _assets = [];

    internal SimulatedRelease(long id, string tag, string name, DateTimeOffset publishedAt, bool prerelease, bool draft)
    {
        Id = id;
        Tag = tag;
        Name = name;
        PublishedAt = publishedAt;
        CreatedAt = publishedAt.AddHours(-2);
        Prerelease = prerelease;
        Draft = draft;
    }

    /// <summary>GitHub's id of the release.</summary>
    public long Id { get; }

    /// <summary>The tag.</summary>
    public string Tag { get; }

    /// <summary>The title (may be empty, as on GitHub).</summary>
    public string Name { get; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When it was (or, for a draft, will be) published; the simulator lists it only from then on.</summary>
    public DateTimeOffset PublishedAt { get; }

    /// <summary>Whether it is a pre-release.</summary>
    public bool Prerelease { get; }

    /// <summary>Whether it is a draft: listed to pushers only, never downloaded.</summary>
    public bool Draft { get; }

    /// <summary>Its assets, oldest first.</summary>
    public IReadOnlyList<SimulatedAsset> Assets
    {
        get
        {
            lock (_gate)
            {
                return [.. _assets];
            }
        }
    }

    /// <summary>Uploads an asset whose count grows by about <paramref name="downloadsPerDay"/> a day from <paramref name="createdAt"/> (or publication).</summary>
    /// <param name="name">The file name.</param>
    /// <param name="createdAt">When it was uploaded.</param>
    /// <param name="downloadsPerDay">The mean downloads per day.</param>
    /// <returns>The asset.</returns>
    public SimulatedAsset AddAsset(string name, DateTimeOffset createdAt, int downloadsPerDay)
    {
        lock (_gate)
        {
            // Octokit reads asset ids as 32-bit numbers: unique across the first 10,000 repositories and fitting in an int.
            var asset = new SimulatedAsset(this, ((Id % 10_000_000) * 100) + _assets.Count + 1, name, createdAt, downloadsPerDay);
            _assets.Add(asset);
            return asset;
        }
    }

    /// <summary>Deletes an asset, as an Owner can on GitHub: it is no longer listed.</summary>
    /// <param name="asset">The asset.</param>
    public void RemoveAsset(SimulatedAsset asset)
    {
        lock (_gate)
        {
            _assets.Remove(asset);
        }
    }
}
