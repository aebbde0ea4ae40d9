namespace GhStats.Testing.GitHub;

/// <summary>One row of GitHub's "top referrers" for the last 14 days, as the simulator serves it.</summary>
public sealed record SimulatedReferrer(string Referrer, int Count, int Uniques);
