namespace GhStats.Web.Transfers;

/// <summary>How far a job is: its phase in a few words, units done and the phase's total (0 while unknown).</summary>
internal sealed record TransferProgressResponse(string Phase, long Done, long Total);
