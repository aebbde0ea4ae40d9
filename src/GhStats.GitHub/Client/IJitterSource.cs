namespace GhStats.GitHub.Client;

/// <summary>The randomness that spreads retries apart; injected so that tests and hosts decide it.</summary>
internal interface IJitterSource
{
    /// <summary>A number in [0, 1).</summary>
    double NextDouble();
}
