namespace GhStats.Client.Models;

/// <summary>Turns a repository's public badges on or off.</summary>
/// <param name="Enabled">True to serve its badges without sign-in; false to stop (they then answer like a missing repository).</param>
public sealed record SetBadgesRequest(bool Enabled);
