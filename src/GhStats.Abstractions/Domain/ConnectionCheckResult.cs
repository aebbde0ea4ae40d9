namespace GhStats.Domain;

/// <summary>What a check of a GitHub connection found. It never holds the token or key.</summary>
/// <param name="Reachable">Whether GitHub answered at all (any HTTP status but a 5xx).</param>
/// <param name="CredentialsAccepted">Whether GitHub accepted the token or App key; null when GitHub was not reached.</param>
/// <param name="Identity">Who the credentials act as, when GitHub said.</param>
/// <param name="Scopes">A classic token's OAuth scopes (GitHub's <c>X-OAuth-Scopes</c>); null when GitHub reports none (fine-grained tokens, Apps).</param>
/// <param name="RateLimit">The core rate limit, when GitHub said.</param>
/// <param name="Traffic">Whether traffic could be read.</param>
/// <param name="Findings">What the connection lacks, in plain language; empty when nothing is wrong.</param>
/// <param name="CheckedAt">When the check ran (UTC).</param>
public sealed record ConnectionCheckResult(
    bool Reachable,
    bool? CredentialsAccepted,
    GitHubIdentity? Identity,
    IReadOnlyList<string>? Scopes,
    GitHubRateLimit? RateLimit,
    TrafficAccessCheck Traffic,
    IReadOnlyList<string> Findings,
    DateTimeOffset CheckedAt)
{
    /// <summary>True when GitHub accepted the credentials, traffic could be read and nothing is lacking.</summary>
    public bool Ok => Reachable && CredentialsAccepted == true && Traffic.CanRead == true && Findings.Count == 0;
}
