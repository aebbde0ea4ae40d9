namespace GhStats;

/// <summary>Registered by <c>AddGhStats()</c>, so that other parts can tell it was called and say so when it was not.</summary>
public sealed class GhStatsMarker;
