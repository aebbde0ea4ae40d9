namespace GhStats.Client.Models;

/// <summary>A page of the delivery log, newest first.</summary>
/// <param name="Deliveries">The lines.</param>
/// <param name="NextBefore">Pass as <c>before</c> for the next page; null on the last page.</param>
public sealed record NotificationDeliveries(IReadOnlyList<NotificationDelivery> Deliveries, long? NextBefore);
