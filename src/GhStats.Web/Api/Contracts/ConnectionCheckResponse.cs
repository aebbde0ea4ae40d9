namespace GhStats.Web.Api.Contracts;

/// <summary>
/// What testing a GitHub connection found: whether GitHub answered, whether it accepted the credentials, who they act as,
/// a classic token's scopes, the core rate limit, whether traffic could be read, and findings of what is lacking.
/// </summary>
internal sealed record ConnectionCheckResponse(
    long ConnectionId,
    bool Ok,
    bool Reachable,
    bool? CredentialsAccepted,
    ConnectionIdentityResponse? Identity,
    IReadOnlyList<string>? Scopes,
    RateLimitResponse? RateLimit,
    TrafficAccessResponse Traffic,
    IReadOnlyList<string> Findings,
    DateTimeOffset CheckedAt);
