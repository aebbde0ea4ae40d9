namespace GhStats.Domain;

/// <summary>One repository's traffic on one UTC day together with what is known of that day.</summary>
/// <param name="Traffic">The day's counts; zeros that mean nothing when the day was not collected.</param>
/// <param name="Coverage">Whether a read covered the day, and whether completely.</param>
public sealed record CoveredTrafficDay(TrafficDay Traffic, DayCoverage Coverage);
