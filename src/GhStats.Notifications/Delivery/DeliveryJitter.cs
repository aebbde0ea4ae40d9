namespace GhStats.Notifications.Delivery;

/// <summary>The randomness that spreads retries apart: one generator, injected so that tests seed it, shared under a lock.</summary>
internal sealed class DeliveryJitter(Random random)
{
    private readonly Lock _gate = new();

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble()
    {
        lock (_gate)
        {
            return random.NextDouble();
        }
    }
}
