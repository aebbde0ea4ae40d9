namespace GhStats.Client.Models;

/// <summary>Publishes or unpublishes a public dashboard.</summary>
/// <param name="Published">True to serve it; false to take it down at once (its address then answers like a missing page).</param>
public sealed record PublishDashboardRequest(bool Published);
