namespace GhStats.Client.Models;

/// <summary>How far a transfer job is.</summary>
/// <param name="Phase">What it does now, in a few words (e.g. "checking the file", "writing repositories").</param>
/// <param name="Done">Units done in this phase (repositories, or rows while checking).</param>
/// <param name="Total">Units in this phase, or 0 while unknown.</param>
public sealed record TransferProgress(string Phase, long Done, long Total);
