using System.Globalization;

namespace GhStats.Testing.GitHub;

/// <summary>
/// A release asset whose <c>download_count</c> grows with the simulator's clock, by a seeded amount each day, from the
/// moment it can be downloaded (its upload, or its release's publication, whichever is later).
/// </summary>
public sealed class SimulatedAsset
{
    private readonly object _gate = new();
    private DateTimeOffset? _resetAt;

    internal SimulatedAsset(SimulatedRelease release, long id, string name, DateTimeOffset createdAt, int downloadsPerDay)
    {
        Release = release;
        Id = id;
        Name = name;
        CreatedAt = createdAt;
        DownloadsPerDay = downloadsPerDay;
    }

    /// <summary>The release it belongs to.</summary>
    public SimulatedRelease Release { get; }

    /// <summary>GitHub's id of the asset.</summary>
    public long Id { get; }

    /// <summary>The file name.</summary>
    public string Name { get; }

    /// <summary>When it was uploaded.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The mean downloads per day; each day draws between 0 and twice this.</summary>
    public int DownloadsPerDay { get; }

    /// <summary>The file's size in bytes.</summary>
    public long Size => 10_000 + (Id % 90_000);

    /// <summary>
    /// Makes the count start again from zero at <paramref name="at"/>, as GitHub's does when a file is replaced in place:
    /// the count a reader sees goes down.
    /// </summary>
    /// <param name="at">The instant of the reset.</param>
    public void ResetCount(DateTimeOffset at)
    {
        lock (_gate)
        {
            _resetAt = at;
        }
    }

    /// <summary>GitHub's <c>download_count</c> at <paramref name="now"/>: the truth a collector's history is checked against.</summary>
    /// <param name="now">The simulated instant.</param>
    /// <returns>The count; 0 before the asset can be downloaded.</returns>
    public long DownloadCountAt(DateTimeOffset now)
    {
        if (Release.Draft)
        {
            return 0;
        }

        DateTimeOffset? resetAt;
        lock (_gate)
        {
            resetAt = _resetAt;
        }

        var from = Max(CreatedAt, Release.PublishedAt);
        if (resetAt is { } reset && reset <= now)
        {
            from = Max(from, reset);
        }

        // The sum of each day's draw, weighted by the part of the day inside [from, now]: it only grows as now moves on.
        var total = 0.0;
        for (var day = from.UtcDateTime.Date; day < now.UtcDateTime; day = day.AddDays(1))
        {
            var start = Max(from, new DateTimeOffset(day, TimeSpan.Zero));
            var end = Min(now, new DateTimeOffset(day.AddDays(1), TimeSpan.Zero));
            if (end <= start)
            {
                continue;
            }

            var draw = StableHash.Below((2 * DownloadsPerDay) + 1, Id, day.Ticks / TimeSpan.TicksPerDay, 31);
            total += draw * (end - start).TotalDays;
        }

        return (long)Math.Floor(total + 1e-9);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Release.Tag}/{Name} ({Id})");

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
