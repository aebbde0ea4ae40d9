namespace GhStats.Testing.GitHub;

/// <summary>
/// Who a request acts as: a personal access token, an installation token, or a GitHub App's JWT. Each has its own
/// rate-limit window and push rights.
/// </summary>
internal sealed class SimulatedIdentity
{
    private volatile bool _revoked;

    public SimulatedIdentity(string key, string rateLimitSubject, PushAccess push, RateLimitWindow window, IdentityCounters counters, DateTimeOffset? expiresAt)
    {
        Key = key;
        RateLimitSubject = rateLimitSubject;
        Push = push;
        Window = window;
        Counters = counters;
        ExpiresAt = expiresAt;
    }

    /// <summary>The token itself, or "app:{id}" for a GitHub App's JWT; the key of the per-token statistics.</summary>
    public string Key { get; }

    /// <summary>Who GitHub names in "API rate limit exceeded for ...": "user ID 17", "installation ID 42".</summary>
    public string RateLimitSubject { get; }

    public PushAccess Push { get; }

    public RateLimitWindow Window { get; }

    public IdentityCounters Counters { get; }

    /// <summary>Wall-clock expiry (installation tokens); null for tokens that never expire.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    public void Revoke() => _revoked = true;

    public bool IsValidAt(DateTimeOffset wallNow) => !_revoked && (ExpiresAt is null || wallNow < ExpiresAt);
}
