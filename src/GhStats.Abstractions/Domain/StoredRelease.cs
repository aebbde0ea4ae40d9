namespace GhStats.Domain;

/// <summary>A release as stored: what the newest read said of it, and the last read day that listed it.</summary>
/// <param name="Release">The release.</param>
/// <param name="LastSeenOn">The UTC day of the last read that listed it (an earlier one than the repository's last read: deleted on GitHub since).</param>
public sealed record StoredRelease(RepositoryRelease Release, DateOnly LastSeenOn);
