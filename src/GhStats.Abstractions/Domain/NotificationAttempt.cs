namespace GhStats.Domain;

/// <summary>The outcome of one delivery attempt.</summary>
/// <param name="Succeeded">Whether the receiver accepted it.</param>
/// <param name="Outcome">What happened, for the delivery log: e.g. "HTTP 200", "SMTP 250 queued", or the error.</param>
/// <param name="RetryAt">When to try again (UTC) after a failure; null after a success or when giving up.</param>
public sealed record NotificationAttempt(bool Succeeded, string Outcome, DateTimeOffset? RetryAt);
