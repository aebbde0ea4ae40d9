namespace GhStats.Bench.Merge;

/// <summary>Row count and column sums of traffic_daily: what a run must have stored, so a fast but wrong run cannot pass.</summary>
/// <param name="Rows">Rows.</param>
/// <param name="Views">Sum of views.</param>
/// <param name="UniqueViews">Sum of unique views.</param>
/// <param name="Clones">Sum of clones.</param>
/// <param name="UniqueClones">Sum of unique clones.</param>
internal sealed record TrafficChecksum(long Rows, long Views, long UniqueViews, long Clones, long UniqueClones)
{
    /// <summary>Throws when the stored figures differ from the expected.</summary>
    /// <param name="expected">What the scenario wrote.</param>
    /// <param name="scenario">The scenario, for the message.</param>
    /// <exception cref="InvalidOperationException">When they differ.</exception>
    public void ShouldEqual(TrafficChecksum expected, string scenario)
    {
        if (this != expected)
        {
            throw new InvalidOperationException($"'{scenario}' stored {this} but should have stored {expected}; its timing is discarded.");
        }
    }
}
