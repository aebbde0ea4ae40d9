namespace GhStats.Client.Models;

/// <summary>What testing a GitHub connection found. The token itself never appears in it.</summary>
/// <param name="ConnectionId">The connection tested.</param>
/// <param name="Ok">GitHub answered, accepted the credentials and served traffic of a tracked repository.</param>
/// <param name="Reachable">Whether GitHub answered at all.</param>
/// <param name="CredentialsAccepted">Whether GitHub accepted the token or App key; null when it was not reached.</param>
/// <param name="Identity">Who the credentials act as.</param>
/// <param name="Scopes">A classic token's scopes; null when GitHub reports none (fine-grained tokens, Apps).</param>
/// <param name="RateLimit">The core rate limit, when GitHub reports one.</param>
/// <param name="Traffic">Whether traffic could be read, and on which repository.</param>
/// <param name="Findings">Plain-language findings of what is lacking; empty when nothing is.</param>
/// <param name="CheckedAt">When the test ran (UTC).</param>
public sealed record ConnectionCheck(
    long ConnectionId,
    bool Ok,
    bool Reachable,
    bool? CredentialsAccepted,
    ConnectionIdentity? Identity,
    IReadOnlyList<string>? Scopes,
    GitHubRateLimit? RateLimit,
    TrafficAccess Traffic,
    IReadOnlyList<string> Findings,
    DateTimeOffset CheckedAt);
