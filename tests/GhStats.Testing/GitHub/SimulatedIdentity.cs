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

    /// <summary>The user's login, for a personal access token; null for installation tokens and App JWTs.</summary>
    public string? Login { get; init; }

    /// <summary>GitHub's numeric id of the user, for a personal access token.</summary>
    public long? UserId { get; init; }

    /// <summary>A classic token's OAuth scopes, sent back in <c>X-OAuth-Scopes</c>; null for fine-grained, installation and App credentials.</summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    /// <summary>The App an App JWT signs for; null for tokens.</summary>
    public long? AppId { get; init; }

    public RateLimitWindow Window { get; }

    /// <summary>The GraphQL points window, apart from <see cref="Window"/> as on GitHub; null for an App's JWT, which GraphQL does not take.</summary>
    public RateLimitWindow? GraphQLWindow { get; init; }

    public IdentityCounters Counters { get; }

    /// <summary>How this connection is mistreated: its own for a personal access token, its installation's for an installation token; null for an App's JWT.</summary>
    public GitHubHostility? Hostility { get; init; }

    /// <summary>Wall-clock expiry (installation tokens); null for tokens that never expire.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>
    /// Whether the credentials may push to <paramref name="repository"/>: the user's (or installation's) rights, and for a
    /// classic token a scope that carries them ('repo' for any repository, 'public_repo' for public ones), as on GitHub.
    /// </summary>
    public bool CanPush(SimulatedRepository repository) =>
        Push.CanPush(repository)
        && (Scopes is null
            || Scopes.Contains("repo", StringComparer.OrdinalIgnoreCase)
            || (!repository.Private && Scopes.Contains("public_repo", StringComparer.OrdinalIgnoreCase)));

    public void Revoke() => _revoked = true;

    public bool IsValidAt(DateTimeOffset wallNow) => !_revoked && (ExpiresAt is null || wallNow < ExpiresAt);
}
