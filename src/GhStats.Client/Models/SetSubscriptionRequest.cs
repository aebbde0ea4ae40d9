namespace GhStats.Client.Models;

/// <summary>The topics to receive by email from a tenant; empty to unsubscribe.</summary>
/// <param name="Topics">Any of <c>digest</c>, <c>spike</c>, <c>trouble</c>.</param>
public sealed record SetSubscriptionRequest(IReadOnlyList<string> Topics);
