namespace GhStats.Notifications.Delivery;

/// <summary>What one send came to, before the dispatcher decides when (or whether) to try again.</summary>
/// <param name="Delivered">Whether the receiver accepted it.</param>
/// <param name="Outcome">For the delivery log: e.g. "HTTP 200", "SMTP 250 2.0.0 queued", "HTTP 500: upstream down".</param>
/// <param name="Retry">Whether another attempt could succeed (5xx, 408, 429, network, timeout); false for a refusal that repeats.</param>
/// <param name="RetryAfter">The receiver's own wait (429's Retry-After), or null.</param>
internal sealed record DeliveryResult(bool Delivered, string Outcome, bool Retry, TimeSpan? RetryAfter = null)
{
    public static DeliveryResult Success(string outcome) => new(true, outcome, false);

    public static DeliveryResult Transient(string outcome, TimeSpan? retryAfter = null) => new(false, outcome, true, retryAfter);

    public static DeliveryResult Permanent(string outcome) => new(false, outcome, false);
}
